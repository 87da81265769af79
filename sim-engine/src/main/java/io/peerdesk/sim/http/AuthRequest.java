package io.peerdesk.sim.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parts of an HTTP request that SigV4 signs, as received on the wire.
 *
 * @param method   the HTTP method, e.g. {@code POST}
 * @param rawPath  the request path exactly as sent (still percent-encoded), e.g. {@code /}
 * @param rawQuery the query string exactly as sent, without {@code ?}; {@code null} or empty when absent
 * @param headers  header values by <em>lower-cased</em> name, each list in arrival order
 * @param body     the complete request body (empty, never null)
 */
public record AuthRequest(String method, String rawPath, String rawQuery,
                          Map<String, List<String>> headers, byte[] body) {

    public AuthRequest {
        Objects.requireNonNull(method, "method");
        rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = lowerCased(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of the named header (any case), or {@code null} when it is absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> out.merge(name.toLowerCase(Locale.ROOT),
                    List.copyOf(values), (a, b) -> {
                        // Two spellings of one header name are one header to SigV4.
                        List<String> all = new ArrayList<>(a);
                        all.addAll(b);
                        return List.copyOf(all);
                    }));
        }
        return Collections.unmodifiableMap(out);
    }
}

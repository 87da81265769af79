package io.peerdesk.sim.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A bare EC2 Query API caller: form-encodes {@code Action=…&Version=2016-11-15&…} like botocore
 * (Python's {@code urlencode}: unreserved {@code A-Za-z0-9_.-~} kept, space as {@code +}, the rest
 * {@code %XX} of UTF-8), signs it with {@link SigV4} and POSTs it over a keep-alive HTTP/1.1
 * {@link HttpClient}. One instance per worker thread (the signer is not thread-safe).
 */
public final class QueryClient {

    public static final String VERSION = "2016-11-15";
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

    private final HttpClient http;
    private final URI uri;
    private final String hostHeader;
    private final String path;
    private final SigV4 signer;
    private final Duration timeout;

    /** One reply: the HTTP status and the body. */
    public record Reply(int status, String body) {
        public boolean ok(String action) {
            return status == 200 && body.contains("<" + action + "Response");
        }

        /** The AWS error code of an error reply, or {@code HTTP_<status>} when there is none. */
        public String errorCode() {
            String code = EndpointLoad.element(body, "Code");
            if (code != null) {
                return code;
            }
            return status == 200 ? "UnexpectedRootElement" : "HTTP_" + status;
        }

        public String errorMessage() {
            String m = EndpointLoad.element(body, "Message");
            if (m != null) {
                return m;
            }
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }

    public QueryClient(HttpClient http, URI endpoint, SigV4 signer, Duration timeout) {
        this.http = http;
        String p = endpoint.getRawPath();
        this.path = p == null || p.isEmpty() ? "/" : p;
        this.uri = endpoint.resolve(this.path);
        this.hostHeader = hostHeader(endpoint);
        this.signer = signer;
        this.timeout = timeout;
    }

    /** The Host header as the JDK's HTTP/1.1 client writes it (port only when not the default). */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || (secure ? port == 443 : port == 80);
        String host = uri.getHost();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return defaultPort ? host : host + ":" + port;
    }

    /** Builds the form body: {@code Action} and {@code Version} first, then the name/value pairs. */
    public static byte[] formBody(String action, String... params) {
        StringBuilder sb = new StringBuilder(64 + params.length * 24);
        sb.append("Action=");
        encode(sb, action);
        sb.append("&Version=").append(VERSION);
        for (int i = 0; i + 1 < params.length; i += 2) {
            sb.append('&');
            encode(sb, params[i]);
            sb.append('=');
            encode(sb, params[i + 1]);
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Python's {@code urllib.parse.quote_plus(value, safe='')}. */
    static void encode(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    utf8 = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                for (byte b : utf8) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
        }
    }

    public HttpRequest request(String action, String... params) {
        byte[] body = formBody(action, params);
        SigV4.Signed s = signer.signPost(hostHeader, path, CONTENT_TYPE, body, Instant.now());
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("X-Amz-Date", s.amzDate())
                .header("Authorization", s.authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    public Reply call(String action, String... params) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(action, params), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body());
    }
}

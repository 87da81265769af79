package io.peerdesk.sim.http;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the connection read it off the wire.
 *
 * @param method    the request method, as sent (e.g. {@code POST})
 * @param rawPath   the path of the request target, still percent-encoded, never empty
 * @param rawQuery  the query string without {@code ?}, still percent-encoded, or {@code null}
 * @param headers   header values by <em>lower-cased</em> name, each list in arrival order
 * @param body      the complete body (empty when there is none), or {@code null} when it was larger
 *                  than the endpoint accepts and was not read to its end
 */
record RawRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    boolean bodyTooLarge() {
        return body == null;
    }
}

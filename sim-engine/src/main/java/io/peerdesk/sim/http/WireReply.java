package io.peerdesk.sim.http;

import io.peerdesk.sim.api.XmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One response as it goes on the wire: status, XML body and the request id for the header.
 * {@code unreadBody} marks a reply sent before the request body was read to its end (the connection
 * is closed after it); {@code headers} are extra response headers (e.g. {@code Allow}).
 */
record WireReply(int status, String xml, String requestId, boolean unreadBody, Map<String, String> headers) {

    WireReply {
        headers = Map.copyOf(headers);
    }

    WireReply(int status, String xml, String requestId) {
        this(status, xml, requestId, false, Map.of());
    }

    /** An error produced by the HTTP layer itself, with a fresh request id. */
    static WireReply error(int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        return new WireReply(status, XmlWriter.error(code, message, requestId), requestId);
    }

    WireReply withUnreadBody() {
        return new WireReply(status, xml, requestId, true, headers);
    }

    WireReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new WireReply(status, xml, requestId, unreadBody, more);
    }

    static WireReply rejected(AuthResult.Rejected rejected) {
        return error(rejected.status(), rejected.code(), rejected.message());
    }

    /**
     * A reply from the service, whose body already names its request id ({@code <requestId>} in
     * successes, {@code <RequestID>} in errors); the header repeats it so logs on both sides agree.
     */
    static WireReply fromService(int status, String xml) {
        String requestId = find(xml, "<requestId>");
        if (requestId == null) {
            requestId = find(xml, "<RequestID>");
        }
        return new WireReply(status, xml, requestId != null ? requestId : UUID.randomUUID().toString());
    }

    private static String find(String xml, String open) {
        int start = xml.indexOf(open);
        if (start < 0) {
            return null;
        }
        start += open.length();
        int end = xml.indexOf('<', start);
        return end > start ? xml.substring(start, end).trim() : null;
    }
}

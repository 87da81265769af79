package io.peerdesk.sim.http;

import io.peerdesk.sim.api.Ec2Service;
import io.peerdesk.sim.api.Ec2Service.Ec2Reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one HTTP request into one {@link Ec2Service} call. The order of checks is the contract:
 * method, body size, query-string encoding, authentication, body encoding, Action, Version; only a
 * request that passes all of them reaches the service, so a refused request changes nothing.
 */
final class QueryHandler {

    static final String API_VERSION = "2016-11-15";
    private static final System.Logger LOG = System.getLogger(QueryHandler.class.getName());

    private final Ec2Service service;
    private final Authenticator authenticator;
    private final int maxBodyBytes;

    QueryHandler(Ec2Service service, Authenticator authenticator, int maxBodyBytes) {
        this.service = service;
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The reply to one request; never throws. */
    WireReply handle(RawRequest request) {
        try {
            return process(request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "EC2 request failed in the HTTP layer", e);
            return WireReply.error(500, "InternalError", "An internal error has occurred");
        }
    }

    private WireReply process(RawRequest request) {
        String method = request.method();
        if (!method.equals("POST") && !method.equals("GET")) {
            WireReply reply = WireReply.error(405, "UnsupportedHttpVerb",
                    "The HTTP method " + printable(method) + " is not supported; send the EC2 Query API as POST or GET")
                    .withHeader("Allow", "GET, POST");
            return request.bodyTooLarge() ? reply.withUnreadBody() : reply;
        }
        if (request.bodyTooLarge()) {
            return tooLarge(maxBodyBytes);
        }
        String rawQuery = request.rawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        try {
            putAll(params, FormDecoder.decode(rawQuery));
        } catch (FormDecoder.MalformedFormException e) {
            return malformed("query string", e);
        }

        AuthResult auth = authenticator.authenticate(new AuthRequest(method, request.rawPath(), rawQuery,
                request.headers(), request.body()));
        if (auth instanceof AuthResult.Rejected rejected) {
            return WireReply.rejected(rejected);
        }

        // A GET's body, if any, is ignored as AWS ignores it; a POST's body is the form whatever its
        // Content-Type says, so curl -d works. Body parameters override query parameters of the same name.
        if (method.equals("POST")) {
            try {
                putAll(params, FormDecoder.decode(request.body()));
            } catch (FormDecoder.MalformedFormException e) {
                return malformed("request body", e);
            }
        }
        String action = params.remove("Action");
        String version = params.remove("Version");
        if (action == null || action.isEmpty()) {
            return WireReply.error(400, "MissingAction", "The request must contain the parameter Action");
        }
        if (version != null && !version.equals(API_VERSION)) {
            return WireReply.error(400, "NoSuchVersion",
                    "The requested version (" + version + ") of service AmazonEC2 does not exist");
        }
        params.keySet().removeIf(name -> name.regionMatches(true, 0, "X-Amz-", 0, 6));
        return callService(((AuthResult.Authenticated) auth), action, params);
    }

    /** The reply to a body over the limit; the connection is closed after it. */
    static WireReply tooLarge(int maxBodyBytes) {
        return WireReply.error(400, "RequestEntityTooLarge", "Request body must not exceed " + maxBodyBytes + " bytes")
                .withUnreadBody();
    }

    private WireReply callService(AuthResult.Authenticated auth, String action, Map<String, String> params) {
        Ec2Reply reply;
        try {
            reply = service.handle(auth.caller(), action, params);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "EC2 action " + action + " failed for " + auth.caller(), e);
            return WireReply.error(500, "InternalError", "An internal error has occurred");
        }
        if (reply == null || reply.xml() == null) {
            LOG.log(System.Logger.Level.ERROR, "EC2 action {0} returned no reply", action);
            return WireReply.error(500, "InternalError", "An internal error has occurred");
        }
        return WireReply.fromService(reply.status(), reply.xml());
    }

    private static void putAll(Map<String, String> params, List<Map.Entry<String, String>> pairs) {
        // Duplicate names: the last one wins, as with most form parsers.
        for (Map.Entry<String, String> pair : pairs) {
            params.put(pair.getKey(), pair.getValue());
        }
    }

    private static WireReply malformed(String where, FormDecoder.MalformedFormException e) {
        return WireReply.error(400, "MalformedQueryString", "The " + where + " is malformed: " + e.getMessage());
    }

    /** A method name as it may appear in a message: printable ASCII, at most 32 characters. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 32; i++) {
            char c = s.charAt(i);
            out.append(c > ' ' && c < 127 ? c : '?');
        }
        return out.toString();
    }
}

package io.peerdesk.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.peerdesk.sim.api.Ec2Service;
import io.peerdesk.sim.api.Ec2Service.Ec2Reply;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one HTTP exchange into one {@link Ec2Service} call. The order of checks is the contract:
 * method, body size, query-string encoding, authentication, body encoding, Action, Version; only a
 * request that passes all of them reaches the service, so a refused request changes nothing.
 */
final class QueryHandler implements HttpHandler {

    static final String API_VERSION = "2016-11-15";
    static final String CONTENT_TYPE = "text/xml;charset=UTF-8";
    /**
     * How much of an oversized body is read and thrown away after the error reply. Closing a socket
     * with unread input makes TCP send a reset, which can destroy the reply before the client reads it;
     * swallowing a bounded amount (as Tomcat does) lets ordinary clients see the error.
     */
    static final long MAX_DISCARD_BYTES = 16L << 20;
    private static final System.Logger LOG = System.getLogger(QueryHandler.class.getName());

    private final Ec2Service service;
    private final Authenticator authenticator;
    private final int maxBodyBytes;

    QueryHandler(Ec2Service service, Authenticator authenticator, int maxBodyBytes) {
        this.service = service;
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            WireReply reply;
            try {
                reply = process(exchange);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "EC2 request failed in the HTTP layer", e);
                reply = WireReply.error(500, "InternalError", "An internal error has occurred");
            }
            send(exchange, reply);
        } catch (IOException e) {
            // The client went away mid-request; there is nobody to answer.
            LOG.log(System.Logger.Level.DEBUG, "request aborted: {0}", e.toString());
        } finally {
            exchange.close();
        }
    }

    private WireReply process(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("POST") && !method.equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET, POST");
            return WireReply.error(405, "UnsupportedHttpVerb",
                    "The HTTP method " + method + " is not supported; send the EC2 Query API as POST or GET");
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            exchange.getResponseHeaders().set("Connection", "close");
            return WireReply.error(400, "RequestEntityTooLarge",
                    "Request body must not exceed " + maxBodyBytes + " bytes").withUnreadBody();
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        try {
            putAll(params, FormDecoder.decode(rawQuery));
        } catch (FormDecoder.MalformedFormException e) {
            return malformed("query string", e);
        }

        AuthResult auth = authenticator.authenticate(new AuthRequest(method, exchange.getRequestURI().getRawPath(),
                rawQuery, exchange.getRequestHeaders(), body));
        if (auth instanceof AuthResult.Rejected rejected) {
            return WireReply.rejected(rejected);
        }

        // A GET's body, if any, is ignored as AWS ignores it; a POST's body is the form whatever its
        // Content-Type says, so curl -d works. Body parameters override query parameters of the same name.
        if (method.equals("POST")) {
            try {
                putAll(params, FormDecoder.decode(body));
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

    /** The whole body, or {@code null} when it is larger than allowed; never buffers more than the limit + 1. */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // The server has framed the body already; let the bounded read decide.
            }
        }
        byte[] body = exchange.getRequestBody().readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    private static void discardRest(HttpExchange exchange) {
        try {
            exchange.getRequestBody().skipNBytes(MAX_DISCARD_BYTES);
        } catch (IOException e) {
            // EOF before the cap (the usual case) or the client gave up: either way we are done.
        }
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

    private static void send(HttpExchange exchange, WireReply reply) throws IOException {
        byte[] bytes = reply.xml().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", reply.requestId());
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
            if (reply.unreadBody()) {
                // Before closing: closing the response makes the JDK server close the connection.
                out.flush();
                discardRest(exchange);
            }
        }
    }
}

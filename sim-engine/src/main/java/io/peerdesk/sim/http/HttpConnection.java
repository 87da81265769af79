package io.peerdesk.sim.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Serves the HTTP/1.1 requests of one client connection, one after the other (keep-alive and
 * pipelining), on the calling thread.
 *
 * <p>Whatever arrives, the answer is the EC2 XML error envelope or the handler's reply, never an
 * HTML page: a request that is not valid HTTP/1.1 (bad request line, header or chunk framing, a
 * {@code Content-Length} that is not a number, {@code Content-Length} together with
 * {@code Transfer-Encoding}) gets 400 {@code MalformedHttpRequest}, a transfer coding other than
 * {@code chunked} 501 {@code NotImplemented}, an HTTP version other than 1.0 and 1.1 505
 * {@code HttpVersionNotSupported}, a request head over {@value #MAX_HEAD_BYTES} bytes 431
 * {@code RequestHeaderSectionTooLarge}; after any of these the connection is closed, since where
 * the next request would start is unknown.
 *
 * <p>A body over the limit is not buffered: the request goes to the handler with a {@code null}
 * body, and after its reply the connection swallows at most {@value #MAX_DISCARD_BYTES} more bytes
 * and closes. (Closing a socket with unread input makes TCP send a reset, which can destroy the
 * reply before the client reads it.)
 */
final class HttpConnection implements Runnable {

    /** Request line and headers together, in bytes. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int MAX_HEADERS = 200;
    /** A chunk-size line with its extensions, in bytes. */
    static final int MAX_CHUNK_LINE_BYTES = 4096;
    /** How much of a refused body is read and thrown away before closing. */
    static final long MAX_DISCARD_BYTES = 16L << 20;
    /** How long a keep-alive connection may wait for its next request. */
    static final int IDLE_TIMEOUT_MILLIS = 120_000;
    /** How long a started request may stall between two reads. */
    static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final int DISCARD_TIMEOUT_MILLIS = 2_000;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static final String CONTENT_TYPE = "text/xml;charset=UTF-8";
    private static final System.Logger LOG = System.getLogger(HttpConnection.class.getName());

    private final Socket socket;
    private final Function<RawRequest, WireReply> handler;
    private final int maxBodyBytes;
    private InputStream in;
    private OutputStream out;

    HttpConnection(Socket socket, Function<RawRequest, WireReply> handler, int maxBodyBytes) {
        this.socket = socket;
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The request could not be framed; the reply says why, and the connection ends after it. */
    static final class BadRequest extends Exception {
        final int status;
        final String code;

        BadRequest(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    /** One request head: request line and headers. */
    private record Head(String method, String target, String version, Map<String, List<String>> headers) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        boolean hasToken(String name, String token) {
            for (String value : headers.getOrDefault(name, List.of())) {
                for (String part : value.split(",")) {
                    if (part.trim().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            boolean open = true;
            while (open) {
                open = serveOne();
            }
        } catch (SocketTimeoutException | EOFException e) {
            // an idle or stalled client: the connection just ends
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "connection ended: {0}", e.toString());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "EC2 connection failed", e);
        }
    }

    /** Serves the next request; false when the connection is to be closed. */
    private boolean serveOne() throws IOException {
        socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
        int first = in.read();
        if (first < 0) {
            return false;
        }
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        Head head;
        boolean http11;
        byte[] body;
        boolean bodyUnread = false;
        try {
            head = readHead(first);
            http11 = head.version().equals("HTTP/1.1");
            if (http11 && head.hasToken("expect", "100-continue") && !declaresTooLarge(head)) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            body = readBody(head);
            if (body == null) {
                bodyUnread = true;
            }
        } catch (BadRequest e) {
            send(WireReply.error(e.status, e.code, e.getMessage()), null, false, false);
            discardRest();
            return false;
        }
        String rawPath = head.target();
        String rawQuery = null;
        int q = rawPath.indexOf('?');
        if (q >= 0) {
            rawQuery = rawPath.substring(q + 1);
            rawPath = rawPath.substring(0, q);
        }
        if (rawPath.isEmpty()) {
            rawPath = "/";
        }
        WireReply reply = handler.apply(new RawRequest(head.method(), rawPath, rawQuery, head.headers(), body));
        boolean keepAlive = !bodyUnread && !reply.unreadBody()
                && (http11 ? !head.hasToken("connection", "close") : head.hasToken("connection", "keep-alive"));
        send(reply, head.method(), keepAlive, !http11 && keepAlive);
        if (!keepAlive && bodyUnread) {
            discardRest();
        }
        return keepAlive;
    }

    // ---------------------------------------------------------------- reading

    private Head readHead(int first) throws IOException, BadRequest {
        int[] budget = {MAX_HEAD_BYTES};
        String line = readLine(first, budget);
        // RFC 9112: a server should ignore at least one empty line before the request line
        for (int skipped = 0; line.isEmpty() && skipped < 4; skipped++) {
            line = readLine(-1, budget);
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !isToken(parts[0]) || !isTarget(parts[1])) {
            throw malformed("bad request line");
        }
        String version = parts[2];
        if (!version.matches("HTTP/\\d\\.\\d")) {
            throw malformed("bad HTTP version in the request line");
        }
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new BadRequest(505, "HttpVersionNotSupported", "HTTP version " + version
                    + " is not supported; use HTTP/1.1");
        }
        String target = parts[1];
        if (!target.startsWith("/")) {
            target = originForm(target);
        }
        Map<String, List<String>> headers = new TreeMap<>();
        int count = 0;
        while (true) {
            String h = readLine(-1, budget);
            if (h.isEmpty()) {
                break;
            }
            if (++count > MAX_HEADERS) {
                throw new BadRequest(431, "RequestHeaderSectionTooLarge", "A request may carry at most "
                        + MAX_HEADERS + " header fields");
            }
            int colon = h.indexOf(':');
            if (colon <= 0 || !isToken(h.substring(0, colon))) {
                throw malformed("bad header field");
            }
            String name = h.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).strip();
            headers.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        headers.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new Head(parts[0], target, version, Collections.unmodifiableMap(headers));
    }

    /** An absolute-form target ({@code http://host:port/path?query}) reduced to its path and query. */
    private static String originForm(String target) throws BadRequest {
        String lower = target.toLowerCase(Locale.ROOT);
        int scheme = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
        if (scheme < 0) {
            throw malformed("bad request target");
        }
        int slash = target.indexOf('/', scheme);
        int question = target.indexOf('?', scheme);
        int start = slash < 0 ? question : question < 0 ? slash : Math.min(slash, question);
        return start < 0 ? "/" : target.charAt(start) == '?' ? "/" + target.substring(start) : target.substring(start);
    }

    /**
     * One line of the head, without its CRLF (a bare LF is accepted too). Bytes are ISO-8859-1;
     * a line counts against the head's budget.
     */
    private String readLine(int first, int[] budget) throws IOException, BadRequest {
        return readLine(first, budget, null);
    }

    /** As {@link #readLine(int, int[])}; {@code overflow} (when given) is what a line over the budget is. */
    private String readLine(int first, int[] budget, BadRequest overflow) throws IOException, BadRequest {
        StringBuilder line = new StringBuilder(64);
        int b = first >= 0 ? first : in.read();
        while (true) {
            if (b < 0) {
                throw new EOFException("connection closed inside a request head");
            }
            if (--budget[0] < 0) {
                if (overflow != null) {
                    throw overflow;
                }
                throw new BadRequest(431, "RequestHeaderSectionTooLarge", "The request line and headers must not"
                        + " exceed " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if ((b < ' ' && b != '\t' && b != '\r') || b == 127) {
                throw malformed("control character in the request head");
            }
            line.append((char) b);
            b = in.read();
        }
    }

    private boolean declaresTooLarge(Head head) {
        String length = head.header("content-length");
        if (length == null || head.headers().containsKey("transfer-encoding")) {
            return false;
        }
        try {
            return Long.parseLong(length) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The body; {@code null} when it is over the limit (then it is left unread). */
    private byte[] readBody(Head head) throws IOException, BadRequest {
        List<String> codings = head.headers().get("transfer-encoding");
        List<String> lengths = head.headers().get("content-length");
        if (codings != null) {
            if (lengths != null) {
                throw malformed("Content-Length and Transfer-Encoding must not both be present");
            }
            String coding = String.join(",", codings).trim();
            if (!coding.equalsIgnoreCase("chunked")) {
                throw new BadRequest(501, "NotImplemented", "Transfer-Encoding '" + printable(coding)
                        + "' is not supported; send the body with Content-Length or chunked");
            }
            return readChunked();
        }
        if (lengths == null) {
            return new byte[0];
        }
        long length = -1;
        for (String value : lengths) {
            for (String part : value.split(",", -1)) {
                long n = parseLength(part.trim());
                if (length >= 0 && n != length) {
                    throw malformed("conflicting Content-Length values");
                }
                length = n;
            }
        }
        if (length > maxBodyBytes) {
            return null;
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("connection closed inside a request body");
        }
        return body;
    }

    private static long parseLength(String s) throws BadRequest {
        if (s.isEmpty() || s.length() > 18) {
            throw malformed("Content-Length must be a number of bytes");
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed("Content-Length must be a number of bytes");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private byte[] readChunked() throws IOException, BadRequest {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            // a chunk-size line (with any extensions) may be long, but not without bound
            String line = readLine(-1, new int[] {MAX_CHUNK_LINE_BYTES}, malformed("chunk-size line too long"));
            int semicolon = line.indexOf(';');
            String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            if (size.isEmpty() || size.length() > 8 || !size.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw malformed("bad chunk size");
            }
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            if ((long) body.size() + n > maxBodyBytes) {
                return null;
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length < n) {
                throw new EOFException("connection closed inside a chunk");
            }
            body.write(chunk);
            if (!readLine(-1, new int[] {2}, malformed("chunk data longer than its size")).isEmpty()) {
                throw malformed("chunk data longer than its size");
            }
        }
        // trailer fields, ignored, up to the empty line
        int[] budget = {MAX_HEAD_BYTES};
        while (!readLine(-1, budget).isEmpty()) {
            // skip
        }
        return body.toByteArray();
    }

    /** Reads and drops what the client may still send, within bounds, so that it can read the reply. */
    private void discardRest() {
        try {
            socket.setSoTimeout(DISCARD_TIMEOUT_MILLIS);
            in.skipNBytes(MAX_DISCARD_BYTES);
        } catch (IOException e) {
            // end of input (the usual case), a reset or the timeout: either way we are done
        }
    }

    // ---------------------------------------------------------------- writing

    private void send(WireReply reply, String method, boolean keepAlive, boolean announceKeepAlive) throws IOException {
        byte[] body = reply.xml().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(reply.status()).append(' ').append(reason(reply.status())).append("\r\n");
        head.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        head.append("Content-Type: ").append(CONTENT_TYPE).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("x-amzn-RequestId: ").append(reply.requestId()).append("\r\n");
        reply.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        } else if (announceKeepAlive) {
            head.append("Connection: keep-alive\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!"HEAD".equals(method)) {
            out.write(body);
        }
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 412 -> "Precondition Failed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }

    // ---------------------------------------------------------------- syntax

    private static BadRequest malformed(String what) {
        return new BadRequest(400, "MalformedHttpRequest", "The request is not valid HTTP/1.1: " + what);
    }

    /** RFC 9110 token: a method or a header field name. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A request target: visible ASCII only (percent-encoding is the client's job). */
    private static boolean isTarget(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 40; i++) {
            char c = s.charAt(i);
            out.append(c >= ' ' && c < 127 && c != '<' && c != '&' ? c : '?');
        }
        return out.toString();
    }
}

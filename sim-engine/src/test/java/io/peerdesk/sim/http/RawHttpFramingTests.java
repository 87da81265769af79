package io.peerdesk.sim.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint as a raw socket sees it: whatever bytes arrive, the answer is an EC2 XML reply
 * (never an HTML page), and well-formed HTTP/1.1 features (keep-alive, pipelining, chunked bodies,
 * {@code Expect: 100-continue}, HTTP/1.0) work.
 */
class RawHttpFramingTests {

    private static final String FORM = "Action=DescribeRegions&Version=2016-11-15";

    private final StubEc2Service service = new StubEc2Service();
    private final Ec2HttpServer server = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", 0), service,
            Authenticator.open(), 4096);

    @AfterEach
    void stop() {
        server.close();
    }

    /** Sends the bytes, half-closes, and returns everything the server answers until it closes. */
    private String exchange(String request) throws IOException {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String post(String form) {
        return "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + form.length() + "\r\n\r\n" + form;
    }

    private static void assertXmlError(String response, int status, String code) {
        assertThat(response).startsWith("HTTP/1.1 " + status + " ")
                .contains("\r\nContent-Type: text/xml;charset=UTF-8\r\n")
                .contains("<Response><Errors><Error><Code>" + code + "</Code>")
                .doesNotContainIgnoringCase("html")
                .doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "garbage request line       | GARBAGE\\r\\n\\r\\n                                                               | 400 | MalformedHttpRequest",
            "four words                 | POST / x HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                                      | 400 | MalformedHttpRequest",
            "Content-Length not a number| POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: abc\\r\\n\\r\\nAction=X           | 400 | MalformedHttpRequest",
            "negative Content-Length    | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: -5\\r\\n\\r\\n                  | 400 | MalformedHttpRequest",
            "conflicting lengths        | POST / HTTP/1.1\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\nab      | 400 | MalformedHttpRequest",
            "length and chunked         | POST / HTTP/1.1\\r\\nContent-Length: 3\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n | 400 | MalformedHttpRequest",
            "unknown transfer coding    | POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip\\r\\n\\r\\nAction=X        | 501 | NotImplemented",
            "bad chunk size             | POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\nAction\\r\\n0\\r\\n\\r\\n | 400 | MalformedHttpRequest",
            "header without colon       | GET / HTTP/1.1\\r\\nHost x\\r\\n\\r\\n                                          | 400 | MalformedHttpRequest",
            "HTTP/2.0                   | GET / HTTP/2.0\\r\\nHost: x\\r\\n\\r\\n                                          | 505 | HttpVersionNotSupported",
            "not a version              | GET / HTTX/1.1\\r\\nHost: x\\r\\n\\r\\n                                          | 400 | MalformedHttpRequest",
            "control byte in a header   | GET / HTTP/1.1\\r\\nHost: a<SOH>b\\r\\n\\r\\n                                   | 400 | MalformedHttpRequest",
            "relative target            | GET foo HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                                        | 400 | MalformedHttpRequest",
    })
    void answersRequestsThatAreNotHttpWithAnXmlErrorAndCloses(String what, String request, int status, String code)
            throws Exception {
        String response = exchange(request.replace("\\r\\n", "\r\n").replace("<SOH>", "\u0001"));
        assertXmlError(response, status, code);
        assertThat(response).contains("\r\nConnection: close\r\n");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void answersAnOversizedHeadWith431() throws Exception {
        String response = exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n");
        assertXmlError(response, 431, "RequestHeaderSectionTooLarge");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void answersTooManyHeaderFieldsWith431() throws Exception {
        String response = exchange("GET / HTTP/1.1\r\n" + "X-A: b\r\n".repeat(201) + "\r\n");
        assertXmlError(response, 431, "RequestHeaderSectionTooLarge");
    }

    @Test
    void answersNonAsciiBytesInTheTargetWithAnXmlError() throws Exception {
        byte[] request = "GET /?Action=DescribeRegions&x=\u00ff HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertXmlError(exchange(request), 400, "MalformedHttpRequest");
    }

    @Test
    void servesSeveralRequestsOnOneConnectionIncludingPipelinedOnes() throws Exception {
        String response = exchange(post(FORM) + post(FORM) + "GET /?" + FORM + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(response.split("HTTP/1.1 200 OK", -1)).hasSize(4);
        assertThat(response).doesNotContain("Connection: close");
        assertThat(service.calls).hasSize(3);
    }

    @Test
    void closesAfterARequestThatAsksForIt() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + FORM.length()
                    + "\r\n\r\n" + FORM).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200 OK").contains("\r\nConnection: close\r\n");
        }
    }

    @Test
    void servesHttp10AndClosesUnlessAskedToKeepAlive() throws Exception {
        String plain = exchange("POST / HTTP/1.0\r\nContent-Length: " + FORM.length() + "\r\n\r\n" + FORM);
        assertThat(plain).startsWith("HTTP/1.1 200 OK").contains("\r\nConnection: close\r\n");

        String kept = exchange("POST / HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: " + FORM.length()
                + "\r\n\r\n" + FORM + "GET /?" + FORM + " HTTP/1.0\r\n\r\n");
        assertThat(kept.split("HTTP/1.1 200 OK", -1)).hasSize(3);
        assertThat(kept).contains("\r\nConnection: keep-alive\r\n");
    }

    @Test
    void decodesAChunkedBodyWithExtensionsAndTrailers() throws Exception {
        String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "e;ext=1\r\nAction=Describ\r\n" + Integer.toHexString(FORM.length() - 14) + "\r\n"
                + FORM.substring(14) + "\r\n0\r\nX-Trailer: t\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200 OK");
        assertThat(service.onlyCall().action()).isEqualTo("DescribeRegions");
    }

    @Test
    void decodesABodySentInManyOneByteChunks() throws Exception {
        StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        String form = FORM + "&Pad=" + "p".repeat(3000);
        for (char c : form.toCharArray()) {
            request.append("1\r\n").append(c).append("\r\n");
        }
        String response = exchange(request.append("0\r\n\r\n").toString());
        assertThat(response).startsWith("HTTP/1.1 200 OK");
        assertThat(service.onlyCall().params()).containsEntry("Pad", "p".repeat(3000));
    }

    @Test
    void answersChunkDataLongerThanItsSizeWithAnXmlError() throws Exception {
        assertXmlError(exchange("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcd\r\n0\r\n\r\n"), 400,
                "MalformedHttpRequest");
    }

    @Test
    void sends100ContinueBeforeReadingABodyTheClientHoldsBack() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " + FORM.length()
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readHead(in)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            out.write(FORM.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readHead(in)).startsWith("HTTP/1.1 200 OK");
        }
    }

    @Test
    void refusesADeclaredOversizedBodyWithoutAskingForIt() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 999999\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertXmlError(response, 400, "RequestEntityTooLarge");
            assertThat(response).doesNotContain("100 Continue");
        }
    }

    @Test
    void acceptsAnAbsoluteFormTargetAndKeepsItsQuery() throws Exception {
        String response = exchange("GET http://127.0.0.1:4566/?" + FORM + "&RegionName.1=eu-west-1 HTTP/1.1\r\n"
                + "Host: x\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200 OK");
        assertThat(service.onlyCall().params()).containsExactlyEntriesOf(Map.of("RegionName.1", "eu-west-1"));
    }

    @Test
    void answersHeadWithoutABody() throws Exception {
        String response = exchange("HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 405 Method Not Allowed").endsWith("\r\n\r\n")
                .contains("\r\nAllow: GET, POST\r\n");
    }

    @Test
    void closesAConnectionThatSendsNothing() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(1000);
            socket.shutdownOutput();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept a half-closed, empty connection open", e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (text.startsWith("HTTP/1.1 200")) {
            int length = Integer.parseInt(text.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
            in.readNBytes(length);
        }
        return text;
    }
}

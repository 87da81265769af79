package io.peerdesk.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.peerdesk.sim.api.Ec2Service.Ec2Reply;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Ec2HttpServerTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int SMALL_LIMIT = 1024;

    private final StubEc2Service service = new StubEc2Service();
    private final Ec2HttpServer server = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", 0), service,
            Authenticator.open(), SMALL_LIMIT);

    @AfterEach
    void stop() {
        server.close();
    }

    private URI endpoint(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private HttpResponse<String> post(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(BodyPublishers.ofString(form)).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint(pathAndQuery)).GET().build(), BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml;charset=UTF-8");
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(response.body())
                .startsWith("<?xml")
                .contains("<Response><Errors><Error><Code>" + code + "</Code><Message>")
                .contains("<RequestID>" + requestId + "</RequestID>");
    }

    @Test
    void answersPostedFormWithTheServiceReplyAsXml() throws Exception {
        HttpResponse<String> response = post("Action=DescribeRegions&Version=2016-11-15");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml;charset=UTF-8");
        assertThat(response.body()).contains("<DescribeRegionsResponse").contains("<regionName>us-west-2</regionName>");
        assertThat(service.onlyCall().action()).isEqualTo("DescribeRegions");
    }

    @Test
    void repeatsTheServiceRequestIdInTheHeader() throws Exception {
        HttpResponse<String> response = post("Action=DescribeRegions");

        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValue(service.requestId);
    }

    @Test
    void passesEveryParameterExceptActionVersionAndSigV4QueryParameters() throws Exception {
        HTTP.send(HttpRequest.newBuilder(endpoint("/?X-Amz-Security-Token=t&Marker=q"))
                .POST(BodyPublishers.ofString("Action=DescribeVpcs&Version=2016-11-15&VpcId.1=vpc-1"
                        + "&Filter.1.Name=tag%3AName&Filter.1.Value.1=a+b%20c")).build(), BodyHandlers.ofString());

        assertThat(service.onlyCall().params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "VpcId.1", "vpc-1", "Filter.1.Name", "tag:Name", "Filter.1.Value.1", "a b c", "Marker", "q"));
    }

    @Test
    void decodesPercentEncodedUtf8() throws Exception {
        post("Action=CreateVpc&TagSpecification.1.Tag.1.Value=my+vpc+%C3%BC%26%3D%2B");

        assertThat(service.onlyCall().params()).containsEntry("TagSpecification.1.Tag.1.Value", "my vpc ü&=+");
    }

    @Test
    void letsTheLastOccurrenceOfARepeatedParameterWin() throws Exception {
        HTTP.send(HttpRequest.newBuilder(endpoint("/?VpcId=vpc-query"))
                .POST(BodyPublishers.ofString("Action=DescribeVpcs&VpcId=vpc-1&VpcId=vpc-2")).build(),
                BodyHandlers.ofString());

        assertThat(service.onlyCall().params()).containsEntry("VpcId", "vpc-2");
    }

    @Test
    void servesGetWithTheQueryString() throws Exception {
        HttpResponse<String> response = get("/?Action=DescribeRegions&Version=2016-11-15&RegionName.1=us-west-2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(service.onlyCall().action()).isEqualTo("DescribeRegions");
        assertThat(service.onlyCall().params()).containsExactlyEntriesOf(Map.of("RegionName.1", "us-west-2"));
    }

    @Test
    void acceptsARequestWithoutVersion() throws Exception {
        assertThat(post("Action=DescribeRegions").statusCode()).isEqualTo(200);
    }

    @Test
    void runsUnsignedRequestsAsTheDefaultAccountInTheDefaultRegionInOpenMode() throws Exception {
        post("Action=DescribeRegions");

        assertThat(service.onlyCall().caller().accountId()).isEqualTo("000000000000");
        assertThat(service.onlyCall().caller().region()).isEqualTo("us-east-1");
    }

    @Test
    void handlesRequestsOnNamedPoolThreads() throws Exception {
        post("Action=DescribeRegions");

        assertThat(service.onlyCall().thread()).startsWith("ec2-http-");
    }

    @Test
    void rejectsABodyOverTheLimitWithRequestEntityTooLarge() throws Exception {
        String form = "Action=DescribeRegions&Pad=" + "x".repeat(SMALL_LIMIT);

        assertError(post(form), 400, "RequestEntityTooLarge");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void rejectsAChunkedBodyOverTheLimitWithoutKnowingItsLength() throws Exception {
        byte[] form = ("Action=DescribeRegions&Pad=" + "x".repeat(3 * SMALL_LIMIT)).getBytes();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint("/"))
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))).build(),
                BodyHandlers.ofString());

        assertError(response, 400, "RequestEntityTooLarge");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void answersABodyTwiceTheDefaultLimitWithAnErrorTheClientCanReadAndKeepsServing() throws Exception {
        byte[] body = new byte[2 * Ec2HttpServer.DEFAULT_MAX_BODY_BYTES];
        Arrays.fill(body, (byte) 'x');
        try (Ec2HttpServer defaults = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", 0), service,
                Authenticator.open())) {
            URI uri = URI.create("http://127.0.0.1:" + defaults.port() + "/");

            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(uri)
                    .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());
            HttpResponse<String> next = HTTP.send(HttpRequest.newBuilder(uri)
                    .POST(BodyPublishers.ofString("Action=DescribeRegions")).build(), BodyHandlers.ofString());

            assertError(refused, 400, "RequestEntityTooLarge");
            assertThat(next.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void acceptsABodyExactlyAtTheLimit() throws Exception {
        String start = "Action=DescribeRegions&Pad=";
        char[] pad = new char[SMALL_LIMIT - start.length()];
        Arrays.fill(pad, 'x');

        assertThat(post(start + new String(pad)).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsAMissingActionWithMissingAction() throws Exception {
        HttpResponse<String> response = post("Version=2016-11-15&VpcId=vpc-1");

        assertError(response, 400, "MissingAction");
        assertThat(response.body()).contains("The request must contain the parameter Action");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void rejectsAnEmptyActionWithMissingAction() throws Exception {
        assertError(post("Action="), 400, "MissingAction");
    }

    @Test
    void rejectsAnUnknownVersionWithNoSuchVersion() throws Exception {
        HttpResponse<String> response = post("Action=DescribeRegions&Version=2014-01-01");

        assertError(response, 400, "NoSuchVersion");
        assertThat(response.body()).contains("The requested version (2014-01-01) of service AmazonEC2 does not exist");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void rejectsABrokenPercentEscapeInTheBodyWithMalformedQueryString() throws Exception {
        assertError(post("Action=DescribeRegions&Name=%zz"), 400, "MalformedQueryString");
        assertError(post("Action=DescribeRegions&Name=%4"), 400, "MalformedQueryString");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void rejectsBytesThatAreNotUtf8InTheQueryStringWithMalformedQueryString() throws Exception {
        assertError(get("/?Action=DescribeRegions&Name=%FF%FE"), 400, "MalformedQueryString");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void answersInternalErrorWithoutAStackTraceWhenTheServiceThrows() throws Exception {
        service.answering(() -> {
            throw new IllegalStateException("secret detail of the bug");
        });

        HttpResponse<String> response = post("Action=DescribeRegions");

        assertError(response, 500, "InternalError");
        assertThat(response.body())
                .contains("<Message>An internal error has occurred</Message>")
                .doesNotContain("secret detail", "IllegalStateException", "at io.peerdesk", "Exception");
    }

    @Test
    void answersInternalErrorWhenTheServiceReturnsNothing() throws Exception {
        service.answering(() -> null);

        assertError(post("Action=DescribeRegions"), 500, "InternalError");
    }

    @Test
    void passesTheServiceErrorStatusAndBodyThrough() throws Exception {
        String xml = io.peerdesk.sim.api.XmlWriter.error("InvalidVpcID.NotFound", "nope", "rid-1");
        service.answering(() -> new Ec2Reply(400, xml));

        HttpResponse<String> response = post("Action=DescribeVpcs");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(xml);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValue("rid-1");
    }

    @Test
    void rejectsOtherHttpMethodsWithAnXmlEnvelope() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint("/?Action=DescribeRegions"))
                .PUT(BodyPublishers.ofString("Action=DescribeRegions")).build(), BodyHandlers.ofString());

        assertError(response, 405, "UnsupportedHttpVerb");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void stopsServingWhenClosed() {
        server.close();

        assertThatThrownBy(() -> post("Action=DescribeRegions")).isInstanceOf(IOException.class);
    }

    @Test
    void refusesToBindAnAddressInUse() {
        InetSocketAddress taken = new InetSocketAddress("127.0.0.1", server.port());

        assertThatThrownBy(() -> Ec2HttpServer.start(taken, service, Authenticator.open()))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot bind");
    }
}

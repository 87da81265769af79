package io.peerdesk.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests signed by the SDK's own SigV4 signer and sent with a plain HTTP client: presigned URLs and
 * shapes the EC2 client never produces, such as a header-signed GET with a query string.
 */
class SignedHttpRequestTests {

    private static final AccessKey KEY = new AccessKey("AKIASIGNER", "signer-secret", "666666666666");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final StubEc2Service service = new StubEc2Service();
    private final Ec2HttpServer server = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", 0), service,
            Authenticator.strict(List.of(KEY)));

    @AfterEach
    void stop() {
        server.close();
    }

    private SdkHttpRequest sign(SdkHttpMethod method, String pathAndQuery, String body,
                                Consumer<SignRequest.Builder<AwsCredentialsIdentity>> extra) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(method)
                .uri(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
        return AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create(KEY.accessKeyId(), KEY.secretAccessKey()))
                    .request(unsigned)
                    .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "ap-south-1");
            extra.accept(r);
        }).request();
    }

    private static HttpResponse<String> send(SdkHttpRequest signed, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(signed.getUri()).method(signed.method().name(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acceptsAPresignedGetUrl() throws Exception {
        SdkHttpRequest signed = sign(SdkHttpMethod.GET, "/?Action=DescribeVpcs&Version=2016-11-15&VpcId.1=vpc-1",
                null, r -> r
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5)));

        HttpResponse<String> response = send(signed, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(service.onlyCall().caller().accountId()).isEqualTo("666666666666");
        assertThat(service.onlyCall().caller().region()).isEqualTo("ap-south-1");
        assertThat(service.onlyCall().params()).containsOnlyKeys("VpcId.1");
    }

    @Test
    void rejectsAPresignedUrlUsedAfterItExpired() throws Exception {
        Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        SdkHttpRequest signed = sign(SdkHttpMethod.GET, "/?Action=DescribeVpcs", null, r -> r
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofHours(1))
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, twoHoursAgo));

        HttpResponse<String> response = send(signed, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>RequestExpired</Code>");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void acceptsAHeaderSignedGetWithAnEncodedQueryString() throws Exception {
        SdkHttpRequest signed = sign(SdkHttpMethod.GET,
                "/?Action=DescribeVpcs&Filter.1.Name=tag%3AName&Filter.1.Value.1=a%20b%20%C3%BC%2A~", null, r -> { });

        HttpResponse<String> response = send(signed, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(service.onlyCall().params()).containsEntry("Filter.1.Value.1", "a b ü*~");
    }

    @Test
    void rejectsABodySwappedUnderAValidSignature() throws Exception {
        SdkHttpRequest signed = sign(SdkHttpMethod.POST, "/", "Action=DeleteVpc&VpcId=vpc-aaaaaaaa", r -> { });

        HttpResponse<String> response = send(signed, "Action=DeleteVpc&VpcId=vpc-bbbbbbbb");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(service.calls).isEmpty();
    }
}

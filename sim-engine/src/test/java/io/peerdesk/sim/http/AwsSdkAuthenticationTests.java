package io.peerdesk.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** Drives the endpoint with the real AWS SDK for Java v2, which signs exactly as it does against AWS. */
class AwsSdkAuthenticationTests {

    private static final String ACCOUNT = "111111111111";
    private static final AccessKey KEY = new AccessKey("AKIAPEERDESKTEST", "right/secret+key", ACCOUNT);

    private final StubEc2Service service = new StubEc2Service();
    private Ec2HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Ec2Client client(Authenticator authenticator, String keyId, String secret) {
        return client(authenticator, keyId, secret, UrlConnectionHttpClient.create());
    }

    private Ec2Client client(Authenticator authenticator, String keyId, String secret, SdkHttpClient http) {
        server = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", 0), service, authenticator);
        return Ec2Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(http)
                // One attempt, so a refused request reaches the server exactly once and tests stay fast.
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static Ec2Exception refusal(Ec2Client client) {
        try (client) {
            return catchThrowableOfType(Ec2Exception.class, client::describeRegions);
        }
    }

    @Test
    void openModeTakesTheAccountFromATwelveDigitKeyAndTheRegionFromTheCredentialScope() {
        try (Ec2Client ec2 = client(Authenticator.open(), "222222222222", "anything")) {
            DescribeRegionsResponse response = ec2.describeRegions();

            assertThat(response.regions()).singleElement()
                    .satisfies(r -> assertThat(r.regionName()).isEqualTo("us-west-2"));
            assertThat(response.responseMetadata().requestId()).isEqualTo(service.requestId);
        }
        StubEc2Service.Call call = service.onlyCall();
        assertThat(call.caller().accountId()).isEqualTo("222222222222");
        assertThat(call.caller().region()).isEqualTo("us-west-2");
        assertThat(call.action()).isEqualTo("DescribeRegions");
        assertThat(call.params()).isEmpty();
    }

    @Test
    void openModeMapsAnyOtherKeyToTheDefaultAccount() {
        try (Ec2Client ec2 = client(Authenticator.open("333333333333"), "test", "test")) {
            ec2.describeRegions();
        }
        assertThat(service.onlyCall().caller().accountId()).isEqualTo("333333333333");
    }

    @Test
    void strictModeAcceptsARequestSignedWithTheRightSecret() {
        try (Ec2Client ec2 = client(Authenticator.strict(List.of(KEY)), KEY.accessKeyId(), KEY.secretAccessKey())) {
            ec2.describeRegions(r -> r.regionNames("us-west-2", "eu-west-1").allRegions(true));
        }
        StubEc2Service.Call call = service.onlyCall();
        assertThat(call.caller().accountId()).isEqualTo(ACCOUNT);
        assertThat(call.caller().region()).isEqualTo("us-west-2");
        assertThat(call.params()).containsEntry("RegionName.2", "eu-west-1").containsEntry("AllRegions", "true");
    }

    @Test
    void strictModeAcceptsKeysFromACredentialsFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("credentials.yaml"), """
                credentials:
                  - accessKeyId: AKIAFROMFILE
                    secretAccessKey: file-secret
                    accountId: "444444444444"
                """);

        try (Ec2Client ec2 = client(Authenticator.strict(file), "AKIAFROMFILE", "file-secret")) {
            ec2.describeRegions();
        }
        assertThat(service.onlyCall().caller().accountId()).isEqualTo("444444444444");
    }

    @Test
    void rejectsRequestSignedWithWrongSecret() {
        Ec2Exception e = refusal(client(Authenticator.strict(List.of(KEY)), KEY.accessKeyId(), "wrong-secret"));

        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void rejectsAnUnknownAccessKeyWithAuthFailure() {
        Ec2Exception e = refusal(client(Authenticator.strict(List.of(KEY)), "AKIAUNKNOWN", KEY.secretAccessKey(),
                new JdkSdkHttpClient()));

        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("AWS was not able to validate the provided access credentials");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void rejectsARequestSignedAnHourAgoWithRequestExpired() {
        Clock anHourAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));

        Ec2Exception e = refusal(client(Authenticator.strict(List.of(KEY), anHourAhead),
                KEY.accessKeyId(), KEY.secretAccessKey()));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestExpired");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void acceptsARequestWithinTheFifteenMinuteSkewAllowance() {
        Clock fourteenMinutesBehind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-14));

        try (Ec2Client ec2 = client(Authenticator.strict(List.of(KEY), fourteenMinutesBehind),
                KEY.accessKeyId(), KEY.secretAccessKey())) {
            ec2.describeRegions();
        }
        assertThat(service.calls).hasSize(1);
    }

    @Test
    void strictModeRejectsAnUnsignedRequestWithMissingAuthenticationToken() throws Exception {
        server = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", 0), service,
                Authenticator.strict(List.of(KEY), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeRegions")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("<Code>MissingAuthenticationToken</Code>");
        assertThat(service.calls).isEmpty();
    }
}

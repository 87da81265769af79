package io.peerdesk.sim.bench;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The load harness's hand-rolled SigV4 must match botocore and the AWS SDK byte for byte. */
class SigV4Test {

    private static final Instant WHEN = Instant.parse("2025-03-14T15:09:26Z");
    private static final String BODY = "Action=DescribeVpcs&Version=2016-11-15&VpcId.1=vpc-0123456789abcdef0"
            + "&Filter.1.Name=tag%3AName&Filter.1.Value.1=a+b%2Fc";

    @Test
    void matchesBotocore() {
        // Produced by botocore SigV4Auth(Credentials('111111111111', 'bench-secret-key'), 'ec2', 'eu-west-2')
        // for a POST of BODY to http://127.0.0.1:4566/ at 2025-03-14T15:09:26Z.
        SigV4.Signed s = new SigV4("111111111111", "bench-secret-key", "eu-west-2", "ec2")
                .signPost("127.0.0.1:4566", "/", QueryClient.CONTENT_TYPE, BODY.getBytes(StandardCharsets.UTF_8), WHEN);
        assertThat(s.amzDate()).isEqualTo("20250314T150926Z");
        assertThat(s.authorization()).isEqualTo("AWS4-HMAC-SHA256 Credential=111111111111/20250314/eu-west-2/ec2/aws4_request,"
                + " SignedHeaders=content-type;host;x-amz-date,"
                + " Signature=41191ef89a909a2ac5879c5f2da2b2ad09640b8c857ea9bd1aebc1295dbc1381");
    }

    /**
     * The SDK's classic {@code Aws4Signer} signs exactly the request's headers plus Host and
     * X-Amz-Date, like botocore. (The newer {@code AwsV4HttpSigner} always adds and signs
     * {@code x-amz-content-sha256}, which botocore does not send for EC2.)
     */
    @Test
    @SuppressWarnings("deprecation")
    void matchesTheAwsSdkSigner() {
        URI endpoint = URI.create("http://127.0.0.1:8787/");
        byte[] body = QueryClient.formBody("CreateTags", "ResourceId.1", "vpc-1", "Tag.1.Key", "k \u00fc/*", "Tag.1.Value", "v~1");
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", QueryClient.CONTENT_TYPE)
                .contentStreamProvider(() -> new ByteArrayInputStream(body))
                .build();
        SdkHttpFullRequest signed = Aws4Signer.create().sign(request, Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create("123456789012", "s3cr3t"))
                .signingName("ec2")
                .signingRegion(Region.AP_SOUTHEAST_2)
                .signingClockOverride(Clock.fixed(WHEN, ZoneOffset.UTC))
                .build());
        String sdkAuth = signed.firstMatchingHeader("Authorization").orElseThrow();
        assertThat(sdkAuth).contains("SignedHeaders=content-type;host;x-amz-date,");

        SigV4.Signed mine = new SigV4("123456789012", "s3cr3t", "ap-southeast-2", "ec2")
                .signPost(QueryClient.hostHeader(endpoint), "/", QueryClient.CONTENT_TYPE, body, WHEN);
        assertThat(mine.authorization()).isEqualTo(sdkAuth);
        assertThat(mine.amzDate()).isEqualTo(signed.firstMatchingHeader("X-Amz-Date").orElseThrow());
    }

    @Test
    void formEncodingIsPythonUrlencode() {
        // urllib.parse.urlencode([('Filter.1.Value.1', 'a b/c'), ('K', 'ü~*')])
        assertThat(new String(QueryClient.formBody("X", "Filter.1.Value.1", "a b/c", "K", "ü~*"), StandardCharsets.US_ASCII))
                .isEqualTo("Action=X&Version=2016-11-15&Filter.1.Value.1=a+b%2Fc&K=%C3%BC~%2A");
    }

    @Test
    void hostHeaderOmitsDefaultPorts() {
        assertThat(QueryClient.hostHeader(URI.create("http://127.0.0.1:4566/"))).isEqualTo("127.0.0.1:4566");
        assertThat(QueryClient.hostHeader(URI.create("http://localhost/"))).isEqualTo("localhost");
        assertThat(QueryClient.hostHeader(URI.create("https://ec2.amazonaws.com:443"))).isEqualTo("ec2.amazonaws.com");
    }
}

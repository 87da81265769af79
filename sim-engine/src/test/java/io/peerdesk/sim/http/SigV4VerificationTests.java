package io.peerdesk.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.peerdesk.sim.cloud.Caller;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verifies requests recorded from the AWS CLI 1.45.11 (botocore 1.43.11), which signs only
 * {@code content-type;host;x-amz-date} and sends no {@code x-amz-content-sha256}, plus the rejections
 * that cannot be provoked through an SDK.
 */
class SigV4VerificationTests {

    private static final AccessKey BOTOCORE_KEY = new AccessKey("AKIDBOTOCORE", "botocore-secret/with+chars",
            "555555555555");
    private static final Instant RECORDED_AT = Instant.parse("2026-11-21T14:14:19Z");

    private static Authenticator strictAt(Instant now) {
        return Authenticator.strict(List.of(BOTOCORE_KEY), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** {@code aws ec2 create-vpc --cidr-block 10.0.0.0/16 --tag-specifications ...Value=my vpc ü&=+}. */
    private static AuthRequest recordedCreateVpc(String body, String authorization) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:18765"));
        headers.put("Accept-Encoding", List.of("identity"));
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
        headers.put("User-Agent", List.of("aws-cli/1.45.11 md/Botocore#1.43.11 ua/2.1 botocore/1.43.11"));
        headers.put("X-Amz-Date", List.of("20261121T141419Z"));
        headers.put("Authorization", List.of(authorization));
        headers.put("amz-sdk-invocation-id", List.of("d5531de0-7324-41bd-86d5-af12d09a853a"));
        headers.put("amz-sdk-request", List.of("attempt=1"));
        headers.put("Content-Length", List.of(String.valueOf(body.length())));
        return new AuthRequest("POST", "/", null, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static final String CREATE_VPC_BODY = "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16"
            + "&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name"
            + "&TagSpecification.1.Tag.1.Value=my+vpc+%C3%BC%26%3D%2B";
    private static final String CREATE_VPC_AUTHORIZATION = "AWS4-HMAC-SHA256 "
            + "Credential=AKIDBOTOCORE/20261121/eu-west-1/ec2/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, "
            + "Signature=3d1003736bafa39b2d5ccf3871840b9afbd9d41705850a3e2cb9fe221b265cf3";

    /** A GET URL presigned by botocore's SigV4QueryAuth for five minutes. */
    private static final String PRESIGNED_QUERY = "Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=tag%3AName"
            + "&Filter.1.Value.1=a%20b&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIDBOTOCORE%2F20261121%2Feu-west-1%2Fec2%2Faws4_request&X-Amz-Date=20261121T141421Z"
            + "&X-Amz-Expires=300&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=ebba4d7b086230b9b236713457ff061d9642cc6ec3acd357078a077604a4e3e7";

    private static AuthRequest presigned(String query) {
        return new AuthRequest("GET", "/", query, Map.of("Host", List.of("127.0.0.1:18765")), null);
    }

    @Test
    void verifiesARequestSignedByTheAwsCli() {
        AuthResult result = strictAt(RECORDED_AT).authenticate(recordedCreateVpc(CREATE_VPC_BODY, CREATE_VPC_AUTHORIZATION));

        assertThat(result).isEqualTo(new AuthResult.Authenticated(new Caller("555555555555", "eu-west-1")));
    }

    @Test
    void rejectsAnAwsCliRequestWhoseBodyWasChanged() {
        String tampered = CREATE_VPC_BODY.replace("10.0.0.0%2F16", "10.9.0.0%2F16");

        AuthResult result = strictAt(RECORDED_AT).authenticate(recordedCreateVpc(tampered, CREATE_VPC_AUTHORIZATION));

        assertThat(result).isEqualTo(AuthErrors.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsAnAwsCliRequestWhoseSignedHeaderWasChanged() {
        AuthRequest original = recordedCreateVpc(CREATE_VPC_BODY, CREATE_VPC_AUTHORIZATION);
        Map<String, List<String>> headers = new LinkedHashMap<>(original.headers());
        headers.put("host", List.of("127.0.0.1:18766"));

        AuthResult result = strictAt(RECORDED_AT).authenticate(
                new AuthRequest("POST", "/", null, headers, original.body()));

        assertThat(result).isEqualTo(AuthErrors.SIGNATURE_MISMATCH);
    }

    @Test
    void ignoresUnsignedHeadersAddedOnTheWay() {
        AuthRequest original = recordedCreateVpc(CREATE_VPC_BODY, CREATE_VPC_AUTHORIZATION);
        Map<String, List<String>> headers = new LinkedHashMap<>(original.headers());
        headers.put("x-forwarded-for", List.of("10.0.0.1"));

        assertThat(strictAt(RECORDED_AT).authenticate(new AuthRequest("POST", "/", null, headers, original.body())))
                .isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void rejectsAnAwsCliRequestReplayedSixteenMinutesLater() {
        AuthResult result = strictAt(RECORDED_AT.plusSeconds(16 * 60))
                .authenticate(recordedCreateVpc(CREATE_VPC_BODY, CREATE_VPC_AUTHORIZATION));

        assertThat(result).isEqualTo(AuthErrors.EXPIRED);
    }

    @Test
    void rejectsARequestDatedSixteenMinutesAhead() {
        AuthResult result = strictAt(RECORDED_AT.minusSeconds(16 * 60))
                .authenticate(recordedCreateVpc(CREATE_VPC_BODY, CREATE_VPC_AUTHORIZATION));

        assertThat(result).isEqualTo(AuthErrors.EXPIRED);
    }

    @Test
    void verifiesAGetUrlPresignedByBotocore() {
        AuthResult result = strictAt(Instant.parse("2026-11-21T14:18:00Z")).authenticate(presigned(PRESIGNED_QUERY));

        assertThat(result).isEqualTo(new AuthResult.Authenticated(new Caller("555555555555", "eu-west-1")));
    }

    @Test
    void rejectsAPresignedUrlAfterItsExpiry() {
        AuthResult result = strictAt(Instant.parse("2026-11-21T14:19:22Z")).authenticate(presigned(PRESIGNED_QUERY));

        assertThat(result).isEqualTo(AuthErrors.EXPIRED);
    }

    @Test
    void rejectsAPresignedUrlWithAnAddedParameter() {
        AuthResult result = strictAt(Instant.parse("2026-11-21T14:18:00Z"))
                .authenticate(presigned(PRESIGNED_QUERY + "&VpcId.1=vpc-1"));

        assertThat(result).isEqualTo(AuthErrors.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsAHeaderAndAPresignedQueryTogether() {
        AuthRequest request = new AuthRequest("GET", "/", PRESIGNED_QUERY, Map.of("Host", List.of("127.0.0.1:18765"),
                "Authorization", List.of(CREATE_VPC_AUTHORIZATION)), null);

        assertThat(strictAt(RECORDED_AT).authenticate(request))
                .satisfies(r -> assertThat(((AuthResult.Rejected) r).code()).isEqualTo("IncompleteSignature"));
    }

    @Test
    void rejectsACredentialScopeDatedAnotherDay() {
        String authorization = CREATE_VPC_AUTHORIZATION.replace("/20261121/", "/20261120/");

        AuthResult result = strictAt(RECORDED_AT).authenticate(recordedCreateVpc(CREATE_VPC_BODY, authorization));

        assertThat(result).isInstanceOfSatisfying(AuthResult.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(r.message()).contains("'20261120' != '20261121'");
        });
    }

    @Test
    void rejectsACredentialScopedToAnotherService() {
        String authorization = CREATE_VPC_AUTHORIZATION.replace("/ec2/", "/iam/");

        AuthResult result = strictAt(RECORDED_AT).authenticate(recordedCreateVpc(CREATE_VPC_BODY, authorization));

        assertThat(result).isInstanceOfSatisfying(AuthResult.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(r.message()).contains("'ec2'");
        });
    }

    @Test
    void rejectsASignatureThatDoesNotCoverTheHost() {
        String authorization = CREATE_VPC_AUTHORIZATION.replace("content-type;host;x-amz-date", "content-type;x-amz-date");

        AuthResult result = strictAt(RECORDED_AT).authenticate(recordedCreateVpc(CREATE_VPC_BODY, authorization));

        assertThat(result).isInstanceOfSatisfying(AuthResult.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("IncompleteSignature"));
    }

    @Test
    void rejectsASignedHeaderMissingFromTheRequest() {
        String authorization = CREATE_VPC_AUTHORIZATION.replace("host;x-amz-date", "host;x-amz-date;x-custom");

        AuthResult result = strictAt(RECORDED_AT).authenticate(recordedCreateVpc(CREATE_VPC_BODY, authorization));

        assertThat(result).isInstanceOfSatisfying(AuthResult.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("IncompleteSignature"));
    }

    @Test
    void rejectsAStatedPayloadHashThatDoesNotMatchTheBody() {
        AuthRequest original = recordedCreateVpc(CREATE_VPC_BODY, CREATE_VPC_AUTHORIZATION);
        Map<String, List<String>> headers = new LinkedHashMap<>(original.headers());
        headers.put("x-amz-content-sha256", List.of("UNSIGNED-PAYLOAD"));

        AuthResult result = strictAt(RECORDED_AT).authenticate(new AuthRequest("POST", "/", null, headers, original.body()));

        assertThat(result).isInstanceOfSatisfying(AuthResult.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void rejectsAGarbledAuthorizationHeaderWithIncompleteSignature() {
        for (String garbled : List.of("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=AKID/20261121/eu-west-1/ec2",
                "Basic dXNlcjpwYXNz", "AWS4-HMAC-SHA256 Credential=AKIDBOTOCORE/20261121/eu-west-1/ec2/aws4_request")) {
            AuthResult result = strictAt(RECORDED_AT).authenticate(recordedCreateVpc(CREATE_VPC_BODY, garbled));

            assertThat(result).as(garbled).isInstanceOfSatisfying(AuthResult.Rejected.class, r -> {
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.code()).isEqualTo("IncompleteSignature");
            });
        }
    }

    @Test
    void rejectsAMissingAmzDateWithIncompleteSignature() {
        AuthRequest original = recordedCreateVpc(CREATE_VPC_BODY, CREATE_VPC_AUTHORIZATION);
        Map<String, List<String>> headers = new LinkedHashMap<>(original.headers());
        headers.remove("x-amz-date");

        AuthResult result = strictAt(RECORDED_AT).authenticate(new AuthRequest("POST", "/", null, headers, original.body()));

        assertThat(result).isInstanceOfSatisfying(AuthResult.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("IncompleteSignature"));
    }

    @Test
    void refusesACredentialScopedToANonsenseRegionInEitherMode() {
        String authorization = CREATE_VPC_AUTHORIZATION.replace("/eu-west-1/", "/ /");

        for (Authenticator authenticator : List.of(strictAt(RECORDED_AT), Authenticator.open())) {
            assertThat(authenticator.authenticate(recordedCreateVpc(CREATE_VPC_BODY, authorization)))
                    .isInstanceOfSatisfying(AuthResult.Rejected.class,
                            r -> assertThat(r.code()).isEqualTo("IncompleteSignature"));
        }
    }

    @Test
    void openModeStillRefusesAGarbledAuthorizationHeader() {
        AuthResult result = Authenticator.open().authenticate(recordedCreateVpc(CREATE_VPC_BODY, "AWS4-HMAC-SHA256 x"));

        assertThat(result).isInstanceOfSatisfying(AuthResult.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("IncompleteSignature"));
    }

    @Test
    void openModeTakesTheRegionOfAPresignedUrlWithoutCheckingIt() {
        AuthResult result = Authenticator.open().authenticate(presigned(PRESIGNED_QUERY.replace("ebba4d", "000000")));

        assertThat(result).isEqualTo(new AuthResult.Authenticated(new Caller("000000000000", "eu-west-1")));
    }
}

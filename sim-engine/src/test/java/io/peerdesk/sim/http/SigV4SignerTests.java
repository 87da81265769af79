package io.peerdesk.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the signer against the worked example in AWS's SigV4 documentation (IAM ListUsers). */
class SigV4SignerTests {

    private static final AuthRequest LIST_USERS = new AuthRequest("GET", "/", "Action=ListUsers&Version=2010-05-08",
            Map.of("Host", List.of("iam.amazonaws.com"),
                    "Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"),
                    "X-Amz-Date", List.of("20150830T123600Z")),
            null);

    private static SigV4Auth listUsersAuth() throws Exception {
        return SigV4Auth.parse(new AuthRequest("GET", "/", LIST_USERS.rawQuery(), Map.of(
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, Signature=x"),
                "X-Amz-Date", List.of("20150830T123600Z")), null));
    }

    @Test
    void buildsTheDocumentedCanonicalRequest() throws Exception {
        String canonical = SigV4Signer.canonicalRequest(LIST_USERS, listUsersAuth(), SigV4Signer.EMPTY_SHA256);

        assertThat(canonical).isEqualTo("""
                GET
                /
                Action=ListUsers&Version=2010-05-08
                content-type:application/x-www-form-urlencoded; charset=utf-8
                host:iam.amazonaws.com
                x-amz-date:20150830T123600Z

                content-type;host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
        assertThat(SigV4Signer.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
    }

    @Test
    void computesTheDocumentedSignature() throws Exception {
        SigV4Auth auth = listUsersAuth();
        String canonical = SigV4Signer.canonicalRequest(LIST_USERS, auth, SigV4Signer.EMPTY_SHA256);

        assertThat(new SigV4Signer().signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", auth, canonical))
                .isEqualTo("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    @Test
    void sortsAndReEncodesQueryParameters() throws Exception {
        String query = SigV4Signer.canonicalQuery(FormDecoder.decode("b=2&a=z&a=y&c=a+b%2Fc~&%C3%BC=%E2%82%AC"), false);

        assertThat(query).isEqualTo("%C3%BC=%E2%82%AC&a=y&a=z&b=2&c=a%20b%2Fc~");
    }

    @Test
    void encodesThePathASecondTime() {
        assertThat(SigV4Signer.canonicalUri("/")).isEqualTo("/");
        assertThat(SigV4Signer.canonicalUri("/a%20b/c")).isEqualTo("/a%2520b/c");
    }

    @Test
    void trimsHeaderValuesAndCollapsesInnerSpaces() throws Exception {
        AuthRequest request = new AuthRequest("POST", "/", "", Map.of("Host", List.of("h"),
                "X-Custom", List.of("  a   b  ", "c")), null);
        SigV4Auth auth = SigV4Auth.parse(new AuthRequest("POST", "/", "", Map.of("Authorization", List.of(
                "AWS4-HMAC-SHA256 Credential=K/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host;x-custom, "
                        + "Signature=x")), null));

        assertThat(SigV4Signer.canonicalRequest(request, auth, "hash")).contains("\nx-custom:a b,c\n");
    }
}

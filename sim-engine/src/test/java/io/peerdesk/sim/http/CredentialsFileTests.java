package io.peerdesk.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTests {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void readsYaml() throws Exception {
        Path file = write("creds.yaml", """
                credentials:
                  - accessKeyId: AKIA1
                    secretAccessKey: one
                    accountId: "111111111111"
                  - accessKeyId: AKIA2
                    secretAccessKey: two
                    accountId: '000000000002'
                """);

        assertThat(CredentialsFile.load(file)).containsExactly(
                new AccessKey("AKIA1", "one", "111111111111"), new AccessKey("AKIA2", "two", "000000000002"));
    }

    @Test
    void keepsLeadingZerosOfAnUnquotedAccountId() throws Exception {
        Path file = write("creds.yml", """
                credentials:
                  - accessKeyId: AKIA1
                    secretAccessKey: one
                    accountId: 000000000001
                """);

        assertThat(CredentialsFile.load(file)).extracting(AccessKey::accountId).containsExactly("000000000001");
    }

    @Test
    void readsJson() throws Exception {
        Path file = write("creds.json", """
                {"credentials": [{"accessKeyId": "AKIA1", "secretAccessKey": "one", "accountId": "111111111111"}]}
                """);

        assertThat(CredentialsFile.load(file)).containsExactly(new AccessKey("AKIA1", "one", "111111111111"));
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> Authenticator.strict(dir.resolve("nope.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not found");
    }

    @Test
    void refusesMalformedYaml() throws Exception {
        Path file = write("creds.yaml", "credentials: [ {accessKeyId: AKIA1, \n  - oops");

        assertThatThrownBy(() -> Authenticator.strict(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not valid YAML");
    }

    @Test
    void refusesAnAccountIdThatIsNotTwelveDigits() throws Exception {
        Path file = write("creds.yaml", """
                credentials:
                  - accessKeyId: AKIA1
                    secretAccessKey: one
                    accountId: 12345
                """);

        assertThatThrownBy(() -> Authenticator.strict(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials[0]")
                .hasMessageContaining("12-digit")
                .hasMessageContaining("quote");
    }

    @Test
    void refusesAnEntryWithoutSecret() throws Exception {
        Path file = write("creds.yaml", """
                credentials:
                  - accessKeyId: AKIA1
                    accountId: "111111111111"
                """);

        assertThatThrownBy(() -> Authenticator.strict(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secretAccessKey is required");
    }

    @Test
    void refusesAnUnknownField() throws Exception {
        Path file = write("creds.yaml", """
                credentials:
                  - accessKeyId: AKIA1
                    secretKey: one
                    accountId: "111111111111"
                """);

        assertThatThrownBy(() -> Authenticator.strict(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secretKey");
    }

    @Test
    void refusesAFileWithoutCredentials() throws Exception {
        Path file = write("creds.yaml", "credentials: []\n");

        assertThatThrownBy(() -> Authenticator.strict(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lists no credentials");
    }

    @Test
    void refusesADuplicateAccessKeyId() throws Exception {
        Path file = write("creds.yaml", """
                credentials:
                  - {accessKeyId: AKIA1, secretAccessKey: one, accountId: "111111111111"}
                  - {accessKeyId: AKIA1, secretAccessKey: two, accountId: "222222222222"}
                """);

        assertThatThrownBy(() -> Authenticator.strict(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate accessKeyId AKIA1");
    }

    @Test
    void neverShowsTheSecretInToString() {
        assertThat(new AccessKey("AKIA1", "very-secret", "111111111111").toString()).doesNotContain("very-secret");
    }

    @Test
    void refusesABadDefaultAccountForOpenMode() {
        assertThatThrownBy(() -> Authenticator.open("12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Authenticator.strict(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

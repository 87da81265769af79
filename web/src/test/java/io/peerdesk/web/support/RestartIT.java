package io.peerdesk.web.support;

import io.peerdesk.web.ApiClient;
import io.peerdesk.web.PeerDeskApplication;
import io.peerdesk.web.PortalSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal stopped and started again on the same H2 file database, as after an upgrade or a
 * crash: a signed-in browser keeps its session (Spring Session JDBC), and API tokens issued before
 * the restart still verify (the signing key is kept in the database, encrypted with the secret key
 * generated into the data directory). One test, two application runs, one after the other.
 */
class RestartIT {

    private static final String PASSWORD = "peerdesk-demo";

    @TempDir
    Path dataDir;

    @Test
    void sessionsAndTokensSurviveARestart() {
        int port = freePort();
        String baseUrl = "http://localhost:" + port;
        PortalSession alice;
        String token;
        String kid;
        try (ConfigurableApplicationContext first = start(port)) {
            alice = PortalSession.signIn(baseUrl, "alice", PASSWORD);
            token = ApiClient.clientCredentials(baseUrl, "acme-automation", "acme-automation-secret").token();
            kid = keyId(baseUrl);
        }

        try (ConfigurableApplicationContext second = start(port)) {
            PortalSession.Page home = alice.get("/");
            assertThat(home.status()).isEqualTo(200);
            assertThat(home.body()).contains("Dashboard").contains("Acme Networks").doesNotContain("name=\"password\"");

            ApiClient.Response me = ApiClient.withToken(baseUrl, token).get("/api/v1/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.body().get("tenant").asText()).isEqualTo("acme");
            assertThat(keyId(baseUrl)).isEqualTo(kid);

            // the session's CSRF token was kept with it: a form from before the restart still posts
            assertThat(alice.post("/", "/logout", Map.of()).body()).contains("You have been signed out");
        }
    }

    private ConfigurableApplicationContext start(int port) {
        // command-line arguments: they outrank application.yaml and the environment (PORT, DB_URL …)
        return new SpringApplicationBuilder(PeerDeskApplication.class).run(
                "--server.port=" + port,
                "--portal.base-url=http://localhost:" + port,
                "--portal.data-dir=" + dataDir,
                "--portal.demo-data=true",
                "--portal.secret-key=",
                "--portal.simulator.in-memory=true",
                "--portal.simulator.port=" + freePort(),
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("portal") + ";AUTO_SERVER=FALSE");
    }

    private static String keyId(String baseUrl) {
        return ApiClient.withToken(baseUrl, null).get("/oauth2/jwks").body().get("keys").get(0).get("kid").asText();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

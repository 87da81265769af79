package io.peerdesk.web.support.security;

import io.peerdesk.web.ApiClient;
import io.peerdesk.web.PeerDeskApplication;
import io.peerdesk.web.PortalTest;
import io.peerdesk.web.TestDirectories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second portal configured for an external OIDC provider, as in production with Keycloak: here
 * the provider is the first portal's embedded identity provider, reached only over HTTP through the
 * PORTAL_IDP_* endpoints. The second portal runs no identity provider and no simulated cloud.
 */
class ExternalIdentityIT extends PortalTest {

    private static ConfigurableApplicationContext external;
    private static String externalUrl;

    @BeforeAll
    static void startPortalWithExternalProvider() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        externalUrl = "http://localhost:" + port;
        external = new SpringApplicationBuilder(PeerDeskApplication.class).run(
                "--server.port=" + port,
                "--portal.base-url=" + externalUrl,
                "--portal.data-dir=" + TestDirectories.create("peerdesk-external"),
                "--portal.demo-data=true",
                "--portal.simulator.enabled=false",
                "--portal.identity.embedded=false",
                "--portal.identity.issuer=" + BASE_URL,
                "--spring.security.oauth2.client.provider.portal-idp.authorization-uri=" + BASE_URL + "/oauth2/authorize",
                "--spring.security.oauth2.client.provider.portal-idp.token-uri=" + BASE_URL + "/oauth2/token",
                "--spring.security.oauth2.client.provider.portal-idp.jwk-set-uri=" + BASE_URL + "/oauth2/jwks",
                "--spring.datasource.url=jdbc:h2:mem:external-" + port + ";DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stop() {
        if (external != null) {
            external.close();
        }
    }

    @Test
    void apiAcceptsTheProvidersTokensAndMapsTenantAndRolesFromTheirClaims() {
        String token = ApiClient.clientCredentials(BASE_URL, "acme-automation", "acme-automation-secret").token();

        ApiClient.Response me = ApiClient.withToken(externalUrl, token).get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("tenant").asText()).isEqualTo("acme");
        assertThat(me.body().get("roles").toString()).contains("NETWORK_ADMIN");
        assertThat(ApiClient.withToken(externalUrl, token).get("/api/v1/members").status()).isEqualTo(403);
    }

    @Test
    void apiRefusesTokensTheProviderDidNotSign() {
        String forged = "eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.eyJzdWIiOiJldmUiLCJ0ZW5hbnQiOiJhY21lIiwicm9sZXMiOlsiVEVOQU5UX0FETUlOIl19.c2ln";

        assertThat(ApiClient.withToken(externalUrl, forged).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(ApiClient.withToken(externalUrl, null).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void signInGoesToTheProvidersAuthorizationEndpointAndTheLocalFormIsGone() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> entry = http.send(HttpRequest.newBuilder(URI.create(externalUrl + SecurityConfig.LOGIN_ENTRY)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(entry.statusCode()).isEqualTo(302);
        assertThat(entry.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(BASE_URL + "/oauth2/authorize?").contains("client_id=portal")
                .contains("redirect_uri=" + externalUrl + "/login/oauth2/code/portal"));

        HttpResponse<String> signedOut = http.send(HttpRequest.newBuilder(URI.create(externalUrl + "/login?logout")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedOut.body()).contains("You have been signed out").contains("href=\"" + SecurityConfig.LOGIN_ENTRY + "\"")
                .doesNotContain("name=\"password\"");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(externalUrl + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isNotEqualTo(200);
    }
}

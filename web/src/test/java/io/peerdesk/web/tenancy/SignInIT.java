package io.peerdesk.web.tenancy;

import io.peerdesk.web.ApiClient;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInIT extends PortalTest {

    @Test
    void memberSignsInThroughTheIdentityProviderAndSeesHerTenant() {
        PortalSession alice = signIn("alice");

        PortalSession.Page home = alice.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("alice").contains("Acme Networks").contains("Requester");
        assertThat(home.body()).as("a requester's first way in").contains("href=\"/peerings/new\">Request a peering</a>")
                .doesNotContain("href=\"/inbox\">Approval inbox</a>");
        assertThat(signIn("george").get("/").body()).as("an approver's").contains("href=\"/inbox\">Approval inbox</a>")
                .doesNotContain("href=\"/peerings/new\">Request a peering</a>");
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatThrownBy(() -> PortalSession.signIn(BASE_URL, "alice", "not-her-password"))
                .hasMessageContaining("sign-in of alice failed");
    }

    @Test
    void signOutEndsTheSession() {
        PortalSession gina = signIn("gina");
        PortalSession.Page after = gina.post("/", "/logout", java.util.Map.of());

        assertThat(after.body()).contains("You have been signed out");
        assertThat(gina.get("/").body()).contains("name=\"password\"");
    }

    @Test
    void failedSignInLandsOnAPageThatSaysSoInsteadOfStartingOver() {
        // a callback the portal did not ask for (no authorization request in the session)
        PortalSession.Page failed = PortalSession.anonymous(BASE_URL).get("/login/oauth2/code/portal?code=forged&state=forged");

        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.body()).contains("Sign-in did not complete");
    }

    @Test
    void serviceAccountGetsATokenScopedToItsTenant() {
        ApiClient api = ApiClient.clientCredentials(BASE_URL, "acme-automation", "acme-automation-secret");

        ApiClient.Response me = api.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("tenant").asText()).isEqualTo("acme");
        assertThat(me.body().get("roles").toString()).contains("REQUESTER");
    }

    @Test
    void apiRefusesMissingAndForgedTokensWithProblemDetails() {
        ApiClient.Response none = ApiClient.withToken(BASE_URL, null).get("/api/v1/me");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");

        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJldmUiLCJ0ZW5hbnQiOiJhY21lIn0.c2lnbmF0dXJl";
        ApiClient.Response bad = ApiClient.withToken(BASE_URL, forged).get("/api/v1/me");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.body().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void wrongClientSecretGetsNoToken() {
        assertThatThrownBy(() -> ApiClient.clientCredentials(BASE_URL, "acme-automation", "guess"))
                .hasMessageContaining("401");
    }

    @Test
    void healthIsPublicButOtherActuatorEndpointsAreNot() {
        ApiClient.Response health = ApiClient.withToken(BASE_URL, null).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().has("components")).as("no details for anonymous callers").isFalse();
        assertThat(ApiClient.withToken(BASE_URL, null).get("/actuator/health/liveness").status()).isEqualTo(200);

        PortalSession alice = signIn("alice");
        assertThat(alice.get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(alice.get("/actuator/info").status()).isEqualTo(403);
        assertThat(alice.get("/actuator/health").body()).doesNotContain("\"components\"");

        PortalSession operator = signIn("operator");
        assertThat(operator.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(operator.get("/actuator/health").body()).contains("\"components\"").contains("\"db\"");
    }
}

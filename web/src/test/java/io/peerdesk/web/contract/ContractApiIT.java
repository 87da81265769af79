package io.peerdesk.web.contract;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.IssuedCredentials;
import io.peerdesk.domain.tenancy.ServiceAccounts;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.ApiClient;
import io.peerdesk.web.ApiClient.Response;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ContractApiIT extends PortalTest {

    @Autowired ServiceAccounts serviceAccounts;
    @Autowired Tenancy tenancy;

    @Test
    void automationWithoutTheTenantAdminRoleMayReadButNotPropose() {
        ApiClient automation = ApiClient.clientCredentials(BASE_URL, "acme-automation", "acme-automation-secret");

        Response refused = automation.post("/api/v1/contracts", proposal("Automation " + UUID.randomUUID(), Map.of()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        Response list = automation.get("/api/v1/contracts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("title")).contains("Acme ↔ Globex production peering");
    }

    @Test
    void adminsProposeAndAcceptOverTheApiWithProblemDetailsForEveryMistake() {
        ApiClient acme = adminClient("acme", "ada");
        ApiClient globex = adminClient("globex", "greta");
        ApiClient initech = viewerClient("initech", "iris");
        String title = "API contract " + UUID.randomUUID();

        Response invalid = acme.post("/api/v1/contracts", proposal(title, Map.of(
                "validUntil", "2020-01-01", "proposerPrefixes", List.of("10.10.0.1/16"), "regions", List.of("moon-1"))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("validUntil", "proposerPrefixes", "regions");
        assertThat(invalid.body().get("errors").get("proposerPrefixes").asText()).contains("10.10.0.0/16");
        Response unreadable = acme.post("/api/v1/contracts", proposal(title, Map.of("sloAvailability", "high")));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body().get("errors").get("sloAvailability").asText()).isEqualTo("a number");
        Response unknownPartner = acme.post("/api/v1/contracts", proposal(title, Map.of("partner", "umbrella")));
        assertThat(unknownPartner.body().get("errors").get("partner").asText()).contains("umbrella");
        assertThat(acme.get("/api/v1/contracts").body().findValuesAsText("title")).doesNotContain(title);

        Response created = acme.post("/api/v1/contracts", proposal(title, Map.of()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.body().get("state").asText()).isEqualTo("PROPOSED");
        assertThat(created.body().get("actions").toString()).isEqualTo("[\"withdraw\"]");
        assertThat(created.body().get("partnerPrefixes").toString()).isEqualTo("[\"10.20.0.0/16\"]");

        assertThat(initech.get("/api/v1/contracts/" + id).status()).isEqualTo(404);
        assertThat(initech.post("/api/v1/contracts/" + id + "/accept", Map.of()).status()).isEqualTo(404);
        assertThat(globex.get("/api/v1/contracts/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(globex.get("/api/v1/contracts/not-an-id").status()).isEqualTo(404);
        assertThat(acme.post("/api/v1/contracts/" + id + "/accept", Map.of()).status()).isEqualTo(403);

        Response accepted = globex.post("/api/v1/contracts/" + id + "/accept", Map.of());
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("state").asText()).isEqualTo("ACTIVE");
        Response again = globex.post("/api/v1/contracts/" + id + "/accept", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asText()).contains("active");

        Response noReason = acme.post("/api/v1/contracts/" + id + "/suspend", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").has("reason")).isTrue();
        Response suspended = acme.post("/api/v1/contracts/" + id + "/suspend", Map.of("reason", "maintenance"));
        assertThat(suspended.body().get("suspension").get("byTenant").asText()).isEqualTo("acme");
        assertThat(globex.get("/api/v1/contracts?state=SUSPENDED").body().findValuesAsText("id")).contains(id);
        assertThat(globex.get("/api/v1/contracts?state=NOPE").status()).isEqualTo(400);
    }

    private Map<String, Object> proposal(String title, Map<String, Object> overrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        body.put("partner", "globex");
        body.put("title", title);
        body.put("validFrom", today.toString());
        body.put("validUntil", today.plusMonths(6).toString());
        body.put("regions", List.of("us-east-1"));
        body.put("proposerPrefixes", List.of("10.10.0.0/16"));
        body.put("partnerPrefixes", List.of("10.20.0.0/16"));
        body.put("ports", List.of("tcp 443"));
        body.put("securityReviewRequired", true);
        body.put("sloAvailability", 99.95);
        body.put("sloLatencyMs", 30);
        body.put("maxPeerings", 3);
        body.put("maintenanceNoticeDays", 10);
        body.put("maintenanceWindow", "Wednesdays 03:00–05:00 UTC");
        body.put("sharedContactRoles", List.of("NOC", "TECHNICAL"));
        body.putAll(overrides);
        return body;
    }

    private ApiClient adminClient(String tenant, String admin) {
        return client(tenant, admin, Role.TENANT_ADMIN);
    }

    private ApiClient viewerClient(String tenant, String admin) {
        return client(tenant, admin, Role.VIEWER);
    }

    private ApiClient client(String tenant, String admin, Role role) {
        Actor actor = new Actor(tenancy.findBySlug(tenant).orElseThrow().id(), admin, Set.of(Role.TENANT_ADMIN), "127.0.0.1");
        IssuedCredentials issued = serviceAccounts.create(actor, "Contract tests " + UUID.randomUUID(), Set.of(role));
        return ApiClient.clientCredentials(BASE_URL, issued.account().clientId(), issued.clientSecret());
    }
}

package io.peerdesk.web.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.IssuedCredentials;
import io.peerdesk.domain.tenancy.ServiceAccounts;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.ApiClient;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalSession.Page;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceAccountsIT extends PortalTest {

    @Autowired Tenancy tenancy;
    @Autowired ServiceAccounts serviceAccounts;

    @Test
    void adminCreatesAServiceAccountWhoseSecretIsShownOnceAndGetsATokenForItsTenant() {
        PortalSession ada = signIn("ada");
        String name = MembersIT.unique("Nightly sync");

        Page created = ada.post("/service-accounts", "/service-accounts", Map.of("name", name, "roles", List.of("VIEWER", "NETWORK_ADMIN")));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("class=\"secret\"").contains("shown only this once");
        String clientId = code(created.body(), "issued-client-id");
        String secret = code(created.body(), "issued-secret");
        ApiClient.Response me = ApiClient.clientCredentials(BASE_URL, clientId, secret).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("tenant").asText()).isEqualTo("acme");
        assertThat(me.body().get("roles").toString()).contains("VIEWER").contains("NETWORK_ADMIN").doesNotContain("TENANT_ADMIN");

        Page list = ada.get("/service-accounts");
        assertThat(list.body()).contains(name).contains(clientId).doesNotContain(secret).doesNotContain("class=\"secret\"");
    }

    @Test
    void revokedServiceAccountGetsNoMoreTokensAndItsIssuedTokenStopsWorking() {
        PortalSession ada = signIn("ada");
        Page created = ada.post("/service-accounts", "/service-accounts", Map.of("name", MembersIT.unique("Old CI"), "roles", "VIEWER"));
        String clientId = code(created.body(), "issued-client-id");
        String secret = code(created.body(), "issued-secret");
        UUID id = accountId(created.body(), clientId);
        ApiClient api = ApiClient.clientCredentials(BASE_URL, clientId, secret);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);

        Page row = ada.htmxPost("/service-accounts", "/service-accounts/" + id + "/revoke", Map.of());

        assertThat(row.status()).isEqualTo(200);
        assertThat(row.body()).startsWith("<tr").contains("Revoked").doesNotContain(">Revoke<");
        assertThat(row.header("HX-Trigger")).contains("is revoked");
        assertThatThrownBy(() -> ApiClient.clientCredentials(BASE_URL, clientId, secret)).hasMessageContaining("401");
        ApiClient.Response afterRevocation = api.get("/api/v1/me");
        assertThat(afterRevocation.status()).as("a token issued before the revocation").isEqualTo(401);
        assertThat(afterRevocation.contentType()).startsWith("application/problem+json");
    }

    @Test
    void missingNameAndRolesAreShownNextToTheFieldsAndNothingIsCreated() {
        PortalSession ada = signIn("ada");
        int before = serviceAccounts.list(actor("ada")).size();

        Page refused = ada.post("/service-accounts", "/service-accounts", Map.of("name", " "));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"name-error\"").contains("give the service account a name")
                .contains("choose at least one role").doesNotContain("class=\"secret\"");
        assertThat(serviceAccounts.list(actor("ada"))).hasSize(before);
    }

    @Test
    void tenantAdminApiClientManagesMembersAndServiceAccounts() {
        ApiClient admin = adminClient();

        ApiClient.Response members = admin.get("/api/v1/members");
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.body().findValuesAsText("username")).contains("alice", "ada").doesNotContain("gina");

        String username = MembersIT.unique("api-bob");
        ApiClient.Response added = admin.post("/api/v1/members", Map.of("username", username, "displayName", "Bob by API",
                "email", username + "@acme.example", "password", "a long initial password", "roles", List.of("REQUESTER")));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().get("roles").toString()).isEqualTo("[\"REQUESTER\"]");
        assertThat(admin.get("/api/v1/members/" + added.body().get("id").asText()).body().get("username").asText()).isEqualTo(username);

        ApiClient.Response invalid = admin.post("/api/v1/members", Map.of("username", "X", "email", "nope"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.body().get("errors").fieldNames()).toIterable()
                .contains("username", "displayName", "email", "password", "roles");

        ApiClient.Response issued = admin.post("/api/v1/service-accounts", Map.of("name", "Via API", "roles", List.of("VIEWER")));
        assertThat(issued.status()).isEqualTo(201);
        String clientId = issued.body().get("clientId").asText();
        String secret = issued.body().get("clientSecret").asText();
        assertThat(ApiClient.clientCredentials(BASE_URL, clientId, secret).get("/api/v1/me").body().get("tenant").asText())
                .isEqualTo("acme");
        JsonNode listed = admin.get("/api/v1/service-accounts").body();
        assertThat(listed.findValuesAsText("clientId")).contains(clientId);
        assertThat(listed.toString()).doesNotContain(secret);

        assertThat(admin.delete("/api/v1/service-accounts/" + issued.body().get("account").get("id").asText()).status())
                .isEqualTo(204);
        assertThatThrownBy(() -> ApiClient.clientCredentials(BASE_URL, clientId, secret)).hasMessageContaining("401");
    }

    @Test
    void onlyTenantAdminsManageServiceAccounts() {
        assertThat(signIn("alice").get("/service-accounts").status()).isEqualTo(403);

        ApiClient automation = ApiClient.clientCredentials(BASE_URL, "acme-automation", "acme-automation-secret");
        ApiClient.Response refused = automation.get("/api/v1/service-accounts");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(automation.get("/api/v1/members").status()).isEqualTo(403);
        assertThat(automation.post("/api/v1/service-accounts", Map.of("name", "escalate", "roles", List.of("TENANT_ADMIN"))).status())
                .isEqualTo(403);
    }

    @Test
    void anotherTenantsServiceAccountAndMemberAreNotFound() {
        IssuedCredentials globex = serviceAccounts.create(actor("greta"), MembersIT.unique("Globex CI"), Set.of(Role.VIEWER));
        UUID gina = tenancy.members(actor("greta")).stream().filter(m -> m.username().equals("gina")).findFirst().orElseThrow().id();

        Page page = signIn("ada").post("/service-accounts", "/service-accounts/" + globex.account().id() + "/revoke", Map.of());
        assertThat(page.status()).isEqualTo(404);
        ApiClient admin = adminClient();
        ApiClient.Response deleted = admin.delete("/api/v1/service-accounts/" + globex.account().id());
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/members/" + gina).status()).isEqualTo(404);

        assertThat(ApiClient.clientCredentials(BASE_URL, globex.account().clientId(), globex.clientSecret())
                .get("/api/v1/me").body().get("tenant").asText()).isEqualTo("globex");
    }

    /** A fresh Acme service account with the tenant-admin role, created through the page as ada would. */
    private static ApiClient adminClient() {
        Page created = signIn("ada").post("/service-accounts", "/service-accounts",
                Map.of("name", MembersIT.unique("Admin automation"), "roles", "TENANT_ADMIN"));
        return ApiClient.clientCredentials(BASE_URL, code(created.body(), "issued-client-id"), code(created.body(), "issued-secret"));
    }

    private static String code(String html, String id) {
        Matcher code = Pattern.compile("<code id=\"" + id + "\">([^<]+)</code>").matcher(html);
        assertThat(code.find()).as("a <code id=%s> on the page", id).isTrue();
        return code.group(1);
    }

    private static UUID accountId(String html, String clientId) {
        Matcher row = Pattern.compile("id=\"service-account-([0-9a-f-]{36})\">(?:(?!</tr>).)*?<code>" + Pattern.quote(clientId) + "</code>",
                Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("a row for " + clientId).isTrue();
        return UUID.fromString(row.group(1));
    }

    private Actor actor(String admin) {
        var login = tenancy.findLogin(admin).orElseThrow();
        return new Actor(login.tenant(), admin, login.roles(), "127.0.0.1");
    }
}

package io.peerdesk.web.support;

import io.peerdesk.web.ApiClient;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalSession.Page;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator's security review checks on a running portal: headers, CSRF, error pages. */
class HardeningIT extends PortalTest {

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        Page dashboard = signIn("alice").get("/");
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(BASE_URL + "/login")).build(), HttpResponse.BodyHandlers.ofString());

        for (var headers : List.of(dashboard.headers(), login.headers())) {
            assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'").contains("script-src 'self'").doesNotContain("unsafe-eval")
                    .contains("frame-ancestors 'none'").contains("object-src 'none'"));
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(headers.firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        }
    }

    @Test
    void postWithoutCsrfTokenIsRefusedButHtmxPostWithTheTokenHeaderWorks() {
        PortalSession ada = signIn("ada");
        String username = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        ada.post("/members", "/members", Map.of("username", username, "displayName", "Forged Target",
                "email", username + "@acme.example", "password", "a long initial password", "roles", "VIEWER"));
        String id = memberId(ada.get("/members").body(), username);

        Page forged = ada.postWithoutCsrf("/members/" + id + "/enabled", Map.of("enabled", "false"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("Not allowed").doesNotContain("Whitelabel");
        Page forgedHtmx = ada.postWithoutCsrf("/members/" + id + "/roles", Map.of("roles", "TENANT_ADMIN"));
        assertThat(forgedHtmx.status()).isEqualTo(403);

        Page row = ada.htmxPost("/members", "/members/" + id + "/roles", Map.of("roles", List.of("VIEWER", "APPROVER")));
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.body()).containsPattern("value=\"APPROVER\"\\s+checked").doesNotContainPattern("value=\"TENANT_ADMIN\"\\s+checked")
                .contains(">Enabled<");
    }

    @Test
    void unknownPageGivesTheBrandedNotFoundPageWithACorrelationId() {
        Page missing = signIn("alice").get("/no-such-page/" + UUID.randomUUID());

        assertThat(missing.status()).isEqualTo(404);
        String correlationId = missing.header(CorrelationIdFilter.HEADER);
        assertThat(correlationId).isNotBlank();
        assertThat(missing.body())
                .contains("<title>Not found · PeerDesk</title>", "There is no such page.", "Correlation id")
                .contains("<code>" + correlationId + "</code>")
                .contains("Sign out")                                   // the portal's layout, signed in
                .doesNotContain("Whitelabel", "Exception", "at org.", "at io.");
    }

    @Test
    void unknownApiPathIsAProblemWithoutInternals() {
        ApiClient.Response missing = ApiClient.clientCredentials(BASE_URL, "acme-automation", "acme-automation-secret")
                .get("/api/v1/no-such-resource");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().toString()).doesNotContain("Exception", "trace");
    }

    private static String memberId(String html, String username) {
        Matcher row = Pattern.compile("id=\"member-([0-9a-f-]{36})\">(?:(?!</tr>).)*?<code>" + Pattern.quote(username) + "</code>",
                Pattern.DOTALL).matcher(html);
        assertThat(row.find()).isTrue();
        return row.group(1);
    }
}

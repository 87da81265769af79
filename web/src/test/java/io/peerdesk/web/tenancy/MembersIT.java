package io.peerdesk.web.tenancy;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.Member;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalSession.Page;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MembersIT extends PortalTest {

    private static final String PASSWORD = "a long initial password";

    @Autowired Tenancy tenancy;

    @Test
    void adminAddsAMemberWhoThenSignsInWithTheInitialPassword() {
        PortalSession ada = signIn("ada");
        String username = unique("bob");

        Page added = ada.post("/members", "/members", Map.of("username", username, "displayName", "Bob Baker",
                "email", username + "@acme.example", "password", PASSWORD, "roles", List.of("REQUESTER", "VIEWER")));

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("Bob Baker (" + username + ") was added").contains(username);
        Page home = PortalSession.signIn(BASE_URL, username, PASSWORD).get("/");
        assertThat(home.body()).contains("Bob Baker").contains("Acme Networks").contains("Requester").contains("Viewer");
    }

    @Test
    void badInputShowsEveryFieldErrorAndStoresNothing() {
        PortalSession ada = signIn("ada");
        String username = unique("carol");

        Page refused = ada.post("/members", "/members", Map.of("username", username, "displayName", " ",
                "email", "not-an-email", "password", "short"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("aria-invalid=\"true\" aria-describedby=\"displayName-error\"")
                .contains("must be a well-formed email address")
                .contains("at least 12 characters")
                .contains("choose at least one role")
                .doesNotContain("id=\"username-error\"")
                .contains("value=\"" + username + "\"")      // kept for the correction
                .doesNotContain("value=\"short\"");          // a password is never sent back
        assertThat(ada.get("/members").body()).doesNotContain(">" + username + "<");
        assertThat(tenancy.findLogin(username)).isEmpty();

        Page taken = ada.post("/members", "/members", Map.of("username", "alice", "displayName", "Another Alice",
                "email", "alice2@acme.example", "password", PASSWORD, "roles", "VIEWER"));
        assertThat(taken.body()).contains("the user name alice is already taken").contains("id=\"username-error\"");
    }

    @Test
    void adminChangesRolesInPlaceAndTheMembersOldSessionEnds() {
        PortalSession ada = signIn("ada");
        String username = addMember(ada, "dave", "REQUESTER");
        UUID id = memberId(ada, username);

        PortalSession dave = PortalSession.signIn(BASE_URL, username, PASSWORD);
        assertThat(dave.get("/").body()).contains("<strong>Requester</strong>");

        Page row = ada.htmxPost("/members", "/members/" + id + "/roles", Map.of("roles", List.of("APPROVER", "VIEWER")));

        assertThat(row.status()).isEqualTo(200);
        assertThat(row.body()).startsWith("<tr").contains("member-" + id)
                .containsPattern("value=\"APPROVER\"\\s+checked").containsPattern("value=\"VIEWER\"\\s+checked")
                .doesNotContainPattern("value=\"REQUESTER\"\\s+checked");
        assertThat(row.header("HX-Trigger")).contains("Roles of").contains("saved");
        assertThat(dave.get("/").body()).as("the session with the old roles has ended").contains("name=\"password\"");
        assertThat(PortalSession.signIn(BASE_URL, username, PASSWORD).get("/").body())
                .contains("<strong>Approver</strong>").doesNotContain("<strong>Requester</strong>");
    }

    @Test
    void disabledMemberIsSignedOutAndCannotSignInUntilEnabledAgain() {
        PortalSession ada = signIn("ada");
        String username = addMember(ada, "erin", "VIEWER");
        UUID id = memberId(ada, username);
        PortalSession erin = PortalSession.signIn(BASE_URL, username, PASSWORD);

        Page row = ada.htmxPost("/members", "/members/" + id + "/enabled", Map.of("enabled", "false"));
        assertThat(row.body()).contains("Disabled").contains(">Enable<");
        assertThat(erin.get("/").body()).as("her open session has ended").contains("name=\"password\"");
        assertThat(signInFails(username)).isTrue();

        ada.htmxPost("/members", "/members/" + id + "/enabled", Map.of("enabled", "true"));
        assertThat(signInFails(username)).isFalse();
    }

    @Test
    void removingTheLastTenantAdminIsRefusedWithAToast() {
        Actor acmeAdmin = actor("ada");
        assertThat(tenancy.members(acmeAdmin)).filteredOn(m -> m.enabled() && m.roles().contains(Role.TENANT_ADMIN))
                .extracting(Member::username).containsExactly("ada");   // else this test would lock ada out
        PortalSession ada = signIn("ada");
        UUID self = memberId(ada, "ada");

        Page refused = ada.htmxPost("/members", "/members/" + self + "/roles", Map.of("roles", "VIEWER"));
        assertThat(refused.header("HX-Retarget")).isEqualTo("#toasts");
        assertThat(refused.body()).contains("class=\"toast error\"").contains("at least one enabled tenant admin");

        Page disable = ada.htmxPost("/members", "/members/" + self + "/enabled", Map.of("enabled", "false"));
        assertThat(disable.body()).contains("at least one enabled tenant admin");
        assertThat(tenancy.member(acmeAdmin, self).roles()).contains(Role.TENANT_ADMIN);
        assertThat(tenancy.member(acmeAdmin, self).enabled()).isTrue();
    }

    @Test
    void nonAdminsSeeNoMembersLinkAndGetTheNotAllowedPage() {
        PortalSession alice = signIn("alice");

        assertThat(alice.get("/").body()).doesNotContain("href=\"/members\"").doesNotContain("href=\"/service-accounts\"");
        Page members = alice.get("/members");
        assertThat(members.status()).isEqualTo(403);
        assertThat(members.body()).contains("Not allowed").contains("Tenant admin");
        assertThat(signIn("ada").get("/").body()).contains("href=\"/members\"");
    }

    @Test
    void anotherTenantsMemberIsNotFound() {
        UUID gina = tenancy.members(actor("greta")).stream().filter(m -> m.username().equals("gina"))
                .findFirst().orElseThrow().id();
        PortalSession ada = signIn("ada");

        Page roles = ada.post("/members", "/members/" + gina + "/roles", Map.of("roles", "VIEWER"));
        assertThat(roles.status()).isEqualTo(404);
        assertThat(roles.body()).contains("Not found");
        assertThat(ada.post("/members", "/members/" + gina + "/enabled", Map.of("enabled", "false")).status()).isEqualTo(404);
        assertThat(tenancy.member(actor("greta"), gina).roles()).containsExactly(Role.REQUESTER);
        assertThat(tenancy.member(actor("greta"), gina).enabled()).isTrue();
    }

    private static String addMember(PortalSession admin, String prefix, String role) {
        String username = unique(prefix);
        Page page = admin.post("/members", "/members", Map.of("username", username, "displayName", "Name of " + username,
                "email", username + "@acme.example", "password", PASSWORD, "roles", role));
        assertThat(page.body()).contains("was added");
        return username;
    }

    /** The member's id, as the members page has it on the member's row. */
    static UUID memberId(PortalSession admin, String username) {
        Matcher row = Pattern.compile("id=\"member-([0-9a-f-]{36})\">(?:(?!</tr>).)*?<code>" + Pattern.quote(username) + "</code>",
                Pattern.DOTALL).matcher(admin.get("/members").body());
        assertThat(row.find()).as("a row for " + username).isTrue();
        return UUID.fromString(row.group(1));
    }

    private static boolean signInFails(String username) {
        try {
            PortalSession.signIn(BASE_URL, username, PASSWORD);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private Actor actor(String admin) {
        var login = tenancy.findLogin(admin).orElseThrow();
        return new Actor(login.tenant(), admin, login.roles(), "127.0.0.1");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

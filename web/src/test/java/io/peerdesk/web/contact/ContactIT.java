package io.peerdesk.web.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.peerdesk.domain.contact.Contact;
import io.peerdesk.domain.contact.Contacts;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.ApiClient;
import io.peerdesk.web.ApiClient.Response;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalSession.Page;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class ContactIT extends PortalTest {

    @Autowired Contacts contacts;
    @Autowired Tenancy tenancy;

    @Test
    void contactsSharedWithPartnersAppearOnThePartnersSideAndInternalOnesDoNot() {
        PortalSession anton = signIn("anton");
        String shared = "Acme Routing Desk " + UUID.randomUUID();
        String internal = "Acme Lab Desk " + UUID.randomUUID();

        assertThat(anton.post("/contacts/new", "/contacts", contact(shared, Map.of())).body())
                .contains(shared + " was added.");
        anton.post("/contacts/new", "/contacts", contact(internal, Map.of("visibility", "INTERNAL")));

        String gusView = signIn("gus").get("/contacts").body();
        String acmeSection = gusView.substring(gusView.indexOf("Partner contacts"));
        assertThat(acmeSection).contains("Acme Networks").contains(shared).contains("Acme NOC")
                .contains("Acme Security Operations").doesNotContain(internal).doesNotContain("Acme Peering Policy")
                .doesNotContain("Acme Network Management");
        assertThat(signIn("iris").get("/contacts").body()).doesNotContain(shared).doesNotContain("Acme NOC");
    }

    @Test
    void badInputGetsFieldErrorsAndNothingIsStored() {
        PortalSession anton = signIn("anton");
        String name = "Nobody " + UUID.randomUUID();

        Page refused = anton.post("/contacts/new", "/contacts", contact(name, Map.of(
                "email", "", "phone", "", "chatUrl", "", "timeZone", "Atlantis/Capital", "tier", "4")));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Nothing was saved").contains("give at least one way to reach them")
                .contains("not a known time zone").contains("choose tier 1, 2 or 3").contains("id=\"timeZone-error\"");
        Page tooLong = anton.post("/contacts/new", "/contacts", contact("x".repeat(300), Map.of("chatUrl", "http://chat.example.com/x")));
        assertThat(tooLong.body()).contains("at most 200 characters");
        Page plainHttp = anton.post("/contacts/new", "/contacts", contact(name, Map.of("chatUrl", "http://chat.example.com/x")));
        assertThat(plainHttp.body()).contains("use https");
        assertThat(anton.get("/contacts").body()).doesNotContain(name);
    }

    @Test
    void theLastNocContactPartnersSeeCannotBeRemovedWhileAContractIsActive() {
        PortalSession gus = signIn("gus");
        String page = gus.get("/contacts").body();
        String nocId = find(page, "/contacts/([0-9a-f-]{36})/delete\"[^>]*hx-confirm=\"Remove Globex NOC\\?\"");

        Page refused = gus.post("/contacts", "/contacts/" + nocId + "/delete", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("last NOC contact that partners can see").contains("Acme Networks");
        assertThat(gus.get("/contacts").body()).contains("Globex NOC");
    }

    @Test
    void removingAnotherContactWorksAndViewersOnlyRead() {
        PortalSession gus = signIn("gus");
        String name = "Globex Temp " + UUID.randomUUID();
        gus.post("/contacts/new", "/contacts", contact(name, Map.of("role", "ABUSE")));
        String id = find(gus.get("/contacts").body(), "/contacts/([0-9a-f-]{36})/delete\"[^>]*hx-confirm=\"Remove " + Pattern.quote(name));

        assertThat(gus.get("/contacts/" + id + "/edit").body()).contains("contact.added").contains("Abuse contact " + name);

        PortalSession gil = signIn("gil");
        String gilsView = gil.get("/contacts").body();
        assertThat(gilsView).contains(name).doesNotContain("Add a contact").doesNotContain(">Remove<");
        assertThat(gil.post("/contacts", "/contacts/" + id + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(gil.get("/contacts/" + id + "/edit").status()).isEqualTo(403);
        assertThat(signIn("ivan").get("/contacts/" + id + "/edit").status()).isEqualTo(404);

        Page removed = gus.post("/contacts", "/contacts/" + id + "/delete", Map.of());
        assertThat(removed.body()).contains(name + " was removed.");
        assertThat(gus.get("/contacts").body()).doesNotContain("Remove " + name);
    }

    @Test
    void contactsOverTheApi() {
        ApiClient api = ApiClient.clientCredentials(BASE_URL, "acme-automation", "acme-automation-secret");
        String name = "Acme API Desk " + UUID.randomUUID();

        Response invalid = api.post("/api/v1/contacts", Map.of("name", name, "kind", "TEAM", "role", "NOC", "tier", 2,
                "phone", "12345", "timeZone", "Europe/Berlin", "visibility", "PARTNERS"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").has("phone")).isTrue();
        Response badEnum = api.post("/api/v1/contacts", Map.of("name", name, "role", "JANITOR"));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.body().get("errors").get("role").asText()).contains("NOC");

        Response created = api.post("/api/v1/contacts", Map.of("name", name, "kind", "TEAM", "role", "NOC", "tier", 2,
                "phone", "+1 212 555 0199", "timeZone", "America/New_York", "visibility", "PARTNERS"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.body().get("phone").asText()).isEqualTo("+12125550199");
        Response changed = api.put("/api/v1/contacts/" + id, Map.of("name", name, "kind", "TEAM", "role", "NOC", "tier", 1,
                "email", "desk@acme.example", "timeZone", "America/New_York", "visibility", "PARTNERS"));
        assertThat(changed.body().get("tier").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/contacts/" + id).body().get("email").asText()).isEqualTo("desk@acme.example");

        Contact globexPolicy = contacts.list(gus()).stream().filter(c -> c.name().equals("Globex Peering Policy")).findFirst().orElseThrow();
        assertThat(api.get("/api/v1/contacts/" + globexPolicy.id()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/contacts/" + globexPolicy.id()).status()).isEqualTo(404);

        JsonNode partners = api.get("/api/v1/partner-contacts").body();
        JsonNode globex = StreamSupport.stream(partners.spliterator(), false)
                .filter(p -> p.get("slug").asText().equals("globex")).findFirst().orElseThrow();
        assertThat(globex.get("contacts").findValuesAsText("name")).contains("Globex NOC").doesNotContain("Globex Peering Policy");

        assertThat(api.delete("/api/v1/contacts/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/contacts/" + id).status()).isEqualTo(404);
    }

    private Actor gus() {
        return new Actor(tenancy.findBySlug("globex").orElseThrow().id(), "gus", Set.of(Role.NETWORK_ADMIN), "127.0.0.1");
    }

    private static Map<String, String> contact(String name, Map<String, String> overrides) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("kind", "TEAM");
        form.put("role", "TECHNICAL");
        form.put("tier", "2");
        form.put("email", "desk@example.com");
        form.put("phone", "+49 30 1234567");
        form.put("chatUrl", "");
        form.put("timeZone", "Europe/Berlin");
        form.put("visibility", "PARTNERS");
        form.put("notes", "");
        form.putAll(overrides);
        return form;
    }

    private static String find(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as("page contains " + regex).isTrue();
        return matcher.group(1);
    }
}

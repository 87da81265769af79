package io.peerdesk.web.support;

import io.peerdesk.domain.contact.Contacts;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.inventory.CloudAccounts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.VpcQuery;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.NewMember;
import io.peerdesk.domain.tenancy.ServiceAccounts;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.domain.peering.NewPeeringRequest;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringRequests;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.web.ApiClient;
import io.peerdesk.web.PeeringWorld;
import io.peerdesk.workflow.peering.PeeringWorkflow;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every page and API endpoint that takes an id, as a member (and a service account) of
 * Initech holding every tenant role, with the ids of Acme's objects, and expects "not found" every
 * time: never a 403 that would confirm the object exists, never its data. The endpoints are read
 * from the application's own request mappings, so a new endpoint with an id fails this test until
 * its kind of object is added to {@link #acmeIds()}.
 */
class TenantIsolationIT extends PortalTest {

    private static final String OUTSIDER = "isolation-outsider";
    private static final Set<Role> ALL_TENANT_ROLES = EnumSet.complementOf(EnumSet.of(Role.PLATFORM_ADMIN));

    @Autowired Tenancy tenancy;
    @Autowired ServiceAccounts serviceAccounts;
    @Autowired Contracts contracts;
    @Autowired Contacts contacts;
    @Autowired CloudAccounts cloudAccounts;
    @Autowired Inventory inventory;
    @Autowired PasswordEncoder passwords;
    @Autowired PeeringRequests peerings;
    @Autowired PeeringWorkflow workflow;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private static String outsiderSecret;
    private static String outsiderClient;

    @BeforeEach
    void outsider() {
        if (outsiderClient != null) {
            return;
        }
        var initech = tenancy.findBySlug("initech").orElseThrow();
        tenancy.seedMember(initech.id(), new NewMember(OUTSIDER, "Isolation outsider", "outsider@initech.example",
                DEMO_PASSWORD, ALL_TENANT_ROLES), passwords.encode(DEMO_PASSWORD));
        var issued = serviceAccounts.create(as("initech", OUTSIDER), "isolation check", ALL_TENANT_ROLES);
        outsiderClient = issued.account().clientId();
        outsiderSecret = issued.clientSecret();
    }

    @Test
    void everyPageWithAnIdAnswersNotFoundForAnotherTenantsObjects() {
        PortalSession outsider = signIn(OUTSIDER);
        PortalSession owner = signIn("ada");
        List<String> leaks = new ArrayList<>();
        assertThat(endpoints(false)).as("pages with an id").hasSizeGreaterThanOrEqualTo(12);
        for (Endpoint endpoint : endpoints(false)) {
            String url = endpoint.url(acmeIds());
            int status = endpoint.method() == RequestMethod.GET
                    ? outsider.get(url).status()
                    : outsider.post("/", url, formFields()).status();
            if (status != 404) {
                leaks.add(endpoint.method() + " " + url + " → " + status);
            }
            if (endpoint.method() == RequestMethod.GET) {
                assertThat(owner.get(url).status()).as("the owner's own %s (checks the URL is right)", url).isEqualTo(200);
            }
        }
        assertThat(leaks).as("pages that did not answer 404 to another tenant").isEmpty();
    }

    @Test
    void everyApiEndpointWithAnIdAnswersNotFoundForAnotherTenantsObjects() {
        ApiClient outsider = ApiClient.clientCredentials(BASE_URL, outsiderClient, outsiderSecret);
        List<String> leaks = new ArrayList<>();
        assertThat(endpoints(true)).as("API endpoints with an id").hasSizeGreaterThanOrEqualTo(15);
        for (Endpoint endpoint : endpoints(true)) {
            String url = endpoint.url(acmeIds());
            ApiClient.Response response = switch (endpoint.method()) {
                case GET -> outsider.get(url);
                case DELETE -> outsider.delete(url);
                case PUT -> outsider.put(url, jsonBody());
                default -> outsider.post(url, jsonBody());
            };
            if (response.status() != 404 || !response.contentType().startsWith("application/problem+json")) {
                leaks.add(endpoint.method() + " " + url + " → " + response.status() + " " + response.body());
            }
        }
        assertThat(leaks).as("API endpoints that did not answer 404 to another tenant").isEmpty();
    }

    @Test
    void everyEndpointWithAnIdIsCovered() {
        Map<String, String> ids = acmeIds();
        Set<String> uncovered = new TreeSet<>();
        for (Endpoint endpoint : endpoints(null)) {
            if (endpoint.idOf(ids) == null) {
                uncovered.add(endpoint.pattern());
            }
        }
        assertThat(uncovered).as("endpoints with an id this test does not know an object kind for").isEmpty();
    }

    private record Endpoint(RequestMethod method, String pattern) {

        /** The id of Acme's object this endpoint names, by the path's first segment after /api/v1. */
        String idOf(Map<String, String> ids) {
            String path = pattern.startsWith("/api/v1/") ? pattern.substring("/api/v1".length()) : pattern;
            String kind = path.split("/")[1];
            return ids.get(kind);
        }

        String url(Map<String, String> ids) {
            return pattern.replace("{id}", idOf(ids)).replace("{verb}", "accept");
        }
    }

    /** Endpoints with a path variable: API ones ({@code true}), pages ({@code false}) or all ({@code null}). */
    private List<Endpoint> endpoints(Boolean api) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.contains("{") || (api != null && api != pattern.startsWith("/api/"))) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                        .forEach(method -> endpoints.add(new Endpoint(method, pattern)));
            }
        }
        endpoints.sort((a, b) -> (a.pattern() + a.method()).compareTo(b.pattern() + b.method()));
        return endpoints;
    }

    /** One object of each kind that belongs to Acme (and the contract to Acme and Globex, not Initech). */
    private Map<String, String> acmeIds() {
        Actor ada = as("acme", "ada");
        Actor anton = as("acme", "anton");
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("members", tenancy.members(ada).get(0).id().toString());
        ids.put("service-accounts", serviceAccounts.list(ada).get(0).id().toString());
        ids.put("contracts", contracts.list(ada, null).stream()
                .filter(c -> c.counterpart(ada.tenant()).slug().equals("globex")).findFirst().orElseThrow().id().toString());
        ids.put("contacts", contacts.list(anton).get(0).id().toString());
        String account = cloudAccounts.list(anton).get(0).id().toString();
        ids.put("accounts", account);
        ids.put("cloud-accounts", account);
        ids.put("vpcs", inventory.vpcs(anton, VpcQuery.all()).items().get(0).id().toString());
        String peering = acmePeering().toString();
        ids.put("peerings", peering);
        ids.put("peering-requests", peering);
        return ids;
    }

    /** An Acme request to Globex (acme-dev → globex-core, under a test contract), filed once. */
    private PeeringRequestId acmePeering() {
        PeeringWorld world = new PeeringWorld(tenancy, contracts, inventory);
        Actor alice = as("acme", "alice");
        var request = peerings.submit(alice, new NewPeeringRequest(world.wideContract(), world.vpc("anton", "acme-dev"),
                world.vpc("gus", "globex-core"), PeeringWorld.routes(peerings.suggestRoutes(alice, world.vpc("anton", "acme-dev"),
                        world.vpc("gus", "globex-core")), "10.30.0.0/16", "10.20.0.0/16"), List.of()), "tenant-isolation-check");
        try {
            workflow.start(request.id(), alice.tenant(), tenancy.findBySlug("globex").orElseThrow().id());
        } catch (Conflict alreadyStarted) {
            // filed and started by an earlier test method
        }
        return request.id();
    }

    private Actor as(String tenant, String username) {
        var login = tenancy.findLogin(username).orElseThrow();
        assertThat(login.tenantSlug()).isEqualTo(tenant);
        return new Actor(login.tenant(), username, login.roles(), "127.0.0.1");
    }

    /** Values that pass the forms' own field checks, so only the object's ownership decides. */
    private static Map<String, String> formFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reason", "isolation check");
        fields.put("roles", "VIEWER");
        fields.put("enabled", "false");
        fields.put("accessKeyId", "333333333333");
        fields.put("secretAccessKey", "isolation-check");
        return fields;
    }

    private static Map<String, Object> jsonBody() {
        return Map.of("reason", "isolation check", "accessKeyId", "333333333333", "secretAccessKey", "isolation-check");
    }
}

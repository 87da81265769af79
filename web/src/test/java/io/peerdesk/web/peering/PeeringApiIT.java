package io.peerdesk.web.peering;

import com.fasterxml.jackson.databind.JsonNode;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringRequests;
import io.peerdesk.domain.peering.PeeringState;
import io.peerdesk.domain.peering.PeeringSide;
import io.peerdesk.domain.peering.PeeringTargets;
import io.peerdesk.domain.peering.PlannedRoute;
import io.peerdesk.domain.peering.PlannedRule;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.ServiceAccounts;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.ApiClient;
import io.peerdesk.web.PeeringWorld;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The peering API: idempotent filing, reading, deciding with a reason, problem details, and its OpenAPI description. */
class PeeringApiIT extends PortalTest {

    @Autowired PeeringRequests requests;
    @Autowired Tenancy tenancy;
    @Autowired Contracts contracts;
    @Autowired Inventory inventory;
    @Autowired ServiceAccounts serviceAccounts;

    @Test
    void oneKeyFilesOneRequestAndTheAccepterRejectsItWithAReason() throws Exception {
        PeeringWorld world = new PeeringWorld(tenancy, contracts, inventory);
        var wide = world.wideContract();
        VpcId own = world.vpc("anton", "acme-eu");
        VpcId theirs = world.vpc("gus", "globex-eu");
        List<PlannedRoute> routes = PeeringWorld.routes(requests.suggestRoutes(world.as("alice"), own, theirs),
                "10.11.0.0/16", "10.21.0.0/16");
        Map<String, Object> body = Map.of("contract", wide.toString(), "requesterVpc", own.toString(),
                "accepterVpc", theirs.toString(), "routes", routes);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("/api/v1/peering-requests", key, body);
        assertThat(first.statusCode()).isEqualTo(201);
        String id = ApiJson.read(first.body()).get("id").asText();
        assertThat(first.headers().firstValue("Location")).hasValue("/api/v1/peering-requests/" + id);
        HttpResponse<String> again = post("/api/v1/peering-requests", key, body);
        assertThat(again.statusCode()).as("the same key and body").isEqualTo(200);
        assertThat(ApiJson.read(again.body()).get("id").asText()).isEqualTo(id);
        HttpResponse<String> other = post("/api/v1/peering-requests", key, Map.of("contract", wide.toString(),
                "requesterVpc", world.vpc("anton", "acme-prod").toString(), "accepterVpc", theirs.toString(), "routes", routes));
        assertThat(other.statusCode()).as("the same key, another body").isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        ApiClient acme = ApiClient.clientCredentials(BASE_URL, "acme-automation", "acme-automation-secret");
        assertThat(acme.get("/api/v1/peering-requests").body().findValuesAsText("id")).contains(id);
        assertThat(acme.get("/api/v1/peering-requests/" + id).body().get("accepter").get("vpcName").asText()).isEqualTo("globex-eu");

        PeeringWorld.await("pending approval", Duration.ofSeconds(60),
                () -> requests.get(world.as("alice"), PeeringRequestId.parse(id)).state() == PeeringState.PENDING_APPROVAL);
        ApiClient globex = client("greta", "globex");
        ApiClient initech = client("iris", "initech");
        assertThat(initech.get("/api/v1/peering-requests/" + id).status()).isEqualTo(404);
        assertThat(initech.post("/api/v1/peering-requests/" + id + "/approve", Map.of()).status()).isEqualTo(404);
        ApiClient.Response noReason = globex.post("/api/v1/peering-requests/" + id + "/reject", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        ApiClient.Response rejected = globex.post("/api/v1/peering-requests/" + id + "/reject", Map.of("reason", "no eu peering this year"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(globex.post("/api/v1/peering-requests/" + id + "/approve", Map.of()).status())
                .as("a second decision").isEqualTo(409);
        PeeringWorld.await("rejected", Duration.ofSeconds(60),
                () -> requests.get(world.as("alice"), PeeringRequestId.parse(id)).state() == PeeringState.REJECTED);
        JsonNode seen = acme.get("/api/v1/peering-requests/" + id).body();
        assertThat(seen.get("state").asText()).isEqualTo("REJECTED");
        assertThat(seen.get("approval").get("reason").asText()).isEqualTo("no eu peering this year");
        assertThat(acme.delete("/api/v1/peering-requests/" + id + "?reason=gone").status()).as("only an active peering").isEqualTo(409);
    }

    @Test
    void anActivePeeringIsChangedByTheAccepterApprovedByTheRequesterAndTornDown() throws Exception {
        PeeringWorld world = new PeeringWorld(tenancy, contracts, inventory);
        var wide = world.wideContract();
        VpcId own = world.vpc("anton", "acme-dev");
        VpcId theirs = world.vpc("gus", "globex-core");
        var suggestion = requests.suggestRoutes(world.as("alice"), own, theirs);
        String theirGroup = choice(suggestion.targets().accepterSecurityGroups(), "globex-api");
        String ownGroup = choice(suggestion.targets().requesterSecurityGroups(), "acme-dev-app");
        HttpResponse<String> filed = post("/api/v1/peering-requests", UUID.randomUUID().toString(), Map.of(
                "contract", wide.toString(), "requesterVpc", own.toString(), "accepterVpc", theirs.toString(),
                "routes", List.of(
                        new PlannedRoute(PeeringSide.REQUESTER, choice(suggestion.targets().requesterRouteTables(), "acme-dev-private"), "10.20.0.0/16"),
                        new PlannedRoute(PeeringSide.ACCEPTER, choice(suggestion.targets().accepterRouteTables(), "globex-core-private"), "10.30.0.0/16")),
                "rules", List.of(new PlannedRule(PeeringSide.ACCEPTER, theirGroup, "tcp", 443, 443, null))));
        assertThat(filed.statusCode()).isEqualTo(201);
        String id = ApiJson.read(filed.body()).get("id").asText();
        String path = "/api/v1/peering-requests/" + id;
        ApiClient acme = client("ada", "acme");
        ApiClient globex = client("greta", "globex");
        awaitState(acme, path, "PENDING_APPROVAL");
        assertThat(globex.post(path + "/approve", Map.of("reason", "welcome")).status()).isEqualTo(200);
        awaitState(acme, path, "ACTIVE");

        ApiClient.Response proposed = globex.post(path + "/changes", Map.of("reason", "our monitoring polls your dev hosts",
                "addRules", List.of(new PlannedRule(PeeringSide.REQUESTER, ownGroup, "tcp", 443, 443, "10.20.0.0/16"))));
        assertThat(proposed.status()).isEqualTo(202);
        assertThat(proposed.body().get("state").asText()).isEqualTo("CHANGING");
        assertThat(globex.post(path + "/approve", Map.of()).status()).as("the proposer does not approve its own change")
                .isIn(403, 409);
        PeeringWorld.await("the change in the requester's inbox", Duration.ofSeconds(60),
                () -> acme.get(path).body().get("waitingOn").asText().equals("REQUESTER"));
        String page = signIn("alice").get("/peerings/" + id).body();
        assertThat(page).as("the page shows the proposal to the side that decides").contains("Proposed change")
                .contains("our monitoring polls your dev hosts").contains("Awaiting the other side&#39;s approval.");
        assertThat(signIn("george").get("/inbox").body()).doesNotContain(id);
        assertThat(signIn("arthur").get("/inbox").body()).contains(id).contains("Change approval");
        assertThat(acme.post(path + "/approve", Map.of("reason", "fine")).status()).isEqualTo(200);
        awaitState(acme, path, "ACTIVE");
        JsonNode changed = acme.get(path).body();
        assertThat(changed.get("pendingChange").isNull()).isTrue();
        assertThat(changed.get("rules").findValuesAsText("securityGroupId")).containsExactlyInAnyOrder(theirGroup, ownGroup);
        assertThat(changed.get("checks").findValuesAsText("stage")).contains("CHANGE");
        assertThat(PeeringWorld.ingressFrom(SIMULATOR_PORT, "111111111111", "us-east-1", ownGroup, "10.20.0.0/16"))
                .as("the new rule in Acme's group").contains("tcp 443-443");
        String pcx = changed.get("pcxId").asText();
        String ownCloudVpc = changed.get("requester").get("vpcId").asText();
        String theirCloudVpc = changed.get("accepter").get("vpcId").asText();

        assertThat(acme.delete(path).status()).as("a teardown needs a reason").isEqualTo(400);
        assertThat(acme.delete(path + "?reason=dev%20is%20being%20rebuilt").status()).isEqualTo(202);
        awaitState(acme, path, "DELETED");
        assertThat(globex.get(path).body().get("closingReason").asText()).isEqualTo("dev is being rebuilt");
        assertThat(PeeringWorld.routesVia(SIMULATOR_PORT, "111111111111", "us-east-1", ownCloudVpc, pcx)).isEmpty();
        assertThat(PeeringWorld.routesVia(SIMULATOR_PORT, "222222222222", "us-east-1", theirCloudVpc, pcx)).isEmpty();
        assertThat(PeeringWorld.ingressFrom(SIMULATOR_PORT, "111111111111", "us-east-1", ownGroup, "10.20.0.0/16")).isEmpty();
    }

    @Test
    void concurrentSubmitsWithOneKeyFileOneRequest() throws Exception {
        PeeringWorld world = new PeeringWorld(tenancy, contracts, inventory);
        var wide = world.wideContract();
        VpcId own = world.vpc("anton", "acme-eu");
        VpcId theirs = world.vpc("gus", "globex-core");
        Map<String, Object> body = Map.of("contract", wide.toString(), "requesterVpc", own.toString(),
                "accepterVpc", theirs.toString(), "routes", PeeringWorld.routes(requests.suggestRoutes(world.as("alice"), own, theirs),
                        "10.11.0.0/16", "10.20.0.0/16"));
        String key = UUID.randomUUID().toString();
        int clients = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("/api/v1/peering-requests", key, body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                HttpResponse<String> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
                statuses.add(response.statusCode());
                ids.add(ApiJson.read(response.body()).get("id").asText());
            }
            assertThat(statuses).as("one created, the others answered with it").containsOnly(201, 200)
                    .filteredOn(s -> s == 201).hasSize(1);
            assertThat(ids).hasSize(1);
            assertThat(requests.list(world.as("alice"), io.peerdesk.domain.peering.PeeringFilter.all()).stream()
                    .filter(r -> r.requesterVpc().equals("acme-eu") && r.accepterVpc().equals("globex-core"))).hasSize(1);
            String path = "/api/v1/peering-requests/" + ids.iterator().next();
            ApiClient acme = ApiClient.clientCredentials(BASE_URL, "acme-automation", "acme-automation-secret");
            awaitState(acme, path, "PENDING_APPROVAL");
            assertThat(acme.post(path + "/cancel", Map.of("reason", "only a test of one key")).status()).isEqualTo(200);
            awaitState(acme, path, "CANCELLED");
        } finally {
            pool.shutdownNow();
        }
    }

    private static String choice(List<PeeringTargets.Choice> choices, String name) {
        return choices.stream().filter(c -> name.equals(c.name())).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + choices)).id();
    }

    private static void awaitState(ApiClient client, String path, String state) {
        try {
            PeeringWorld.await(path + " " + state, Duration.ofSeconds(60), () -> client.get(path).body().get("state").asText().equals(state));
        } catch (AssertionError e) {
            JsonNode last = client.get(path).body();
            throw new AssertionError(e.getMessage() + "; it is " + last.get("state") + ", failure: " + last.get("failureReason")
                    + ", checks: " + last.get("checks"), e);
        }
    }

    @Test
    void theApiIsDescribedForSignedInMembersWithABearerScheme() {
        PortalSession alice = signIn("alice");
        PortalSession.Page docs = alice.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/peering-requests/{id}/reject").contains("\"bearer\"")
                .doesNotContain("\"/peerings/{id}\"");
        PortalSession.Page ui = alice.get("/swagger-ui.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-initializer.js");
        assertThat(alice.get("/swagger-ui/swagger-initializer.js").status()).isEqualTo(200);
        assertThat(PortalSession.anonymous(BASE_URL).get("/v3/api-docs").body()).doesNotContain("peering-requests");
    }

    private ApiClient client(String admin, String tenant) {
        var login = tenancy.findLogin(admin).orElseThrow();
        var issued = serviceAccounts.create(new io.peerdesk.domain.support.Actor(login.tenant(), admin, login.roles(), "127.0.0.1"),
                "peering api " + tenant + " " + UUID.randomUUID().toString().substring(0, 8), EnumSet.of(Role.APPROVER, Role.REQUESTER));
        return ApiClient.clientCredentials(BASE_URL, issued.account().clientId(), issued.clientSecret());
    }

    private static HttpResponse<String> post(String path, String key, Object body) throws Exception {
        ApiClient acme = ApiClient.clientCredentials(BASE_URL, "acme-automation", "acme-automation-secret");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE_URL + path))
                .header("Authorization", "Bearer " + acme.token()).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(ApiJson.write(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final class ApiJson {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        static JsonNode read(String body) throws Exception {
            return JSON.readTree(body);
        }

        static String write(Object body) throws Exception {
            return JSON.writeValueAsString(body);
        }
    }
}

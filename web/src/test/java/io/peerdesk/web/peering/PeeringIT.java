package io.peerdesk.web.peering;

import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.peering.AppliedEntry;
import io.peerdesk.domain.peering.PeeringFilter;
import io.peerdesk.domain.peering.PeeringRequest;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringRequests;
import io.peerdesk.domain.peering.PeeringRow;
import io.peerdesk.domain.peering.PeeringSide;
import io.peerdesk.domain.peering.PeeringState;
import io.peerdesk.domain.peering.PeeringSuggestion;
import io.peerdesk.domain.peering.PeeringTargets;
import io.peerdesk.domain.peering.PendingChange;
import io.peerdesk.domain.peering.PlannedRoute;
import io.peerdesk.domain.peering.PlannedRule;
import io.peerdesk.domain.peering.WaitingOn;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.PeeringWorld;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The peering pages on the whole portal: file, decide in the inbox, provision in the simulated cloud, tear down. */
class PeeringIT extends PortalTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @Autowired PeeringRequests requests;
    @Autowired Tenancy tenancy;
    @Autowired Contracts contracts;
    @Autowired Inventory inventory;

    private PeeringWorld world;

    @BeforeEach
    void world() {
        world = new PeeringWorld(tenancy, contracts, inventory);
    }

    @Test
    void requestApprovedInTheInboxBecomesActiveOnBothSidesAndItsTeardownLeavesNoRoute() {
        PortalSession alice = signIn("alice");
        PeeringRequestId id = file(alice, world.demoContract(), "alice", world.vpc("anton", "acme-prod"),
                world.vpc("gus", "globex-core"), formKey(alice));
        awaitState(id, PeeringState.PENDING_APPROVAL);

        PortalSession george = signIn("george");
        String inbox = george.get("/inbox").body();
        assertThat(inbox).contains("acme-prod → globex-core").containsPattern("\\d+ days? (\\d+ hours? )?left")
                .as("the approver sees the ports asked for, not only the routes").contains("tcp 443 from 10.10.0.0/16 into sg-");
        assertThat(george.htmxPost("/inbox", "/inbox", Map.of("request", id.toString(), "decision", "approve")).body())
                .contains("Approved by you.");
        assertThat(george.htmxPost("/inbox", "/inbox", Map.of("request", id.toString(), "decision", "approve")).body())
                .as("a second decision is refused, not made").contains("already decided").doesNotContain("Approved by you");
        awaitState(id, PeeringState.ACTIVE);

        PeeringRequest active = requests.get(world.as("alice"), id);
        assertThat(alice.get("/peerings/" + id).body()).contains("ACTIVE").contains("route 10.20.0.0/16 → " + active.pcxId())
                .contains("route 10.10.0.0/16 → " + active.pcxId());
        assertThat(george.get("/peerings/" + id).body()).contains("ACTIVE").contains(active.pcxId());
        assertThat(checks(alice.get("/peerings/" + id).body())).as("what the portal checked, as the requester sees it")
                .anyMatch(line -> line.startsWith("Validation when filed") && line.contains("| passed |"))
                .anyMatch(line -> line.startsWith("Validation at approval") && line.contains("| passed |"))
                .anyMatch(line -> line.startsWith("Reachability before activation") && line.contains("tcp 443 from acme-prod to globex-core")
                        && line.contains("| passed |"))
                .noneMatch(line -> line.contains("| failed |"));
        assertThat(checks(george.get("/peerings/" + id).body())).as("the accepter sees the same checks")
                .isEqualTo(checks(alice.get("/peerings/" + id).body()));
        assertThat(alice.get("/peerings").body()).contains("acme-prod → globex-core");
        assertThat(PeeringWorld.routesVia(SIMULATOR_PORT, "111111111111", "us-east-1", active.requester().cloudVpcId(), active.pcxId()))
                .contains("10.20.0.0/16");
        assertThat(PeeringWorld.routesVia(SIMULATOR_PORT, "222222222222", "us-east-1", active.accepter().cloudVpcId(), active.pcxId()))
                .contains("10.10.0.0/16");

        // the accepter proposes a change on the page: a port into one of the requester's groups, chosen by name
        PortalSession gina = signIn("gina");
        PeeringTargets targets = requests.targets(world.as("gina"), id);
        PeeringTargets.Choice acmeGroup = targets.requesterSecurityGroups().stream()
                .filter(g -> "acme-prod-app".equals(g.name())).findFirst().orElseThrow();
        String page = gina.get("/peerings/" + id).body();
        assertThat(active.routes()).as("the planned routes' tables, named on the partner's view of the page")
                .filteredOn(route -> targets.nameOf(route.routeTableId()) != null).isNotEmpty()
                .allSatisfy(route -> assertThat(page).contains(targets.nameOf(route.routeTableId()) + " <code>" + route.routeTableId() + "</code>"));
        assertThat(active.routes()).as("an unnamed table by its id alone").filteredOn(route -> targets.nameOf(route.routeTableId()) == null)
                .isNotEmpty().allSatisfy(route -> assertThat(page).contains("<span><code>" + route.routeTableId() + "</code></span>"));
        assertThat(page).as("route tables and groups of both sides, by side and name")
                .contains("<optgroup label=\"Requester side: acme-prod (Acme Networks)\">")
                .contains("<optgroup label=\"Accepter side: globex-core (Globex Corporation)\">")
                .contains(">" + acmeGroup.label() + "</option>")
                .contains(">" + targets.accepterRouteTables().get(0).label() + "</option>");
        Map<String, Object> change = new LinkedHashMap<>(Map.of("securityGroupId", "sg-0123456789abcdef0", "protocol", "tcp",
                "fromPort", "443", "reason", "our monitoring polls your app hosts"));
        assertThat(gina.post("/peerings/" + id, "/peerings/" + id + "/changes", change).body())
                .as("a group neither VPC has is refused").contains("id=\"change-error\"").contains("sg-0123456789abcdef0");
        assertThat(requests.get(world.as("gina"), id).state()).isEqualTo(PeeringState.ACTIVE);
        change.put("securityGroupId", acmeGroup.id());
        assertThat(gina.post("/peerings/" + id, "/peerings/" + id + "/changes", change).body()).doesNotContain("id=\"change-error\"");
        PendingChange proposed = requests.get(world.as("gina"), id).pendingChange();
        assertThat(proposed.addRules()).as("the rule goes to the side whose VPC has the group")
                .containsExactly(new PlannedRule(PeeringSide.REQUESTER, acmeGroup.id(), "tcp", 443, 443, "10.20.0.0/16"));
        PeeringWorld.await("the change in the requester's inbox", WAIT,
                () -> requests.get(world.as("alice"), id).waitingOn() == WaitingOn.REQUESTER);
        PortalSession arthur = signIn("arthur");
        assertThat(arthur.get("/inbox").body()).as("the inbox row says what the change does, who asks and why")
                .contains("add tcp 443 from 10.20.0.0/16 into " + acmeGroup.id() + " (requester)")
                .contains("<q>our monitoring polls your app hosts</q>").contains("Globex Corporation (gina)")
                .contains("Change approval");
        arthur.post("/peerings/" + id, "/peerings/" + id + "/approve", Map.of("reason", "fine"));
        PeeringWorld.await("the change applied", WAIT, () -> requests.get(world.as("alice"), id).inPlace().stream()
                .anyMatch(e -> e.kind() == AppliedEntry.Kind.RULE && e.side() == PeeringSide.REQUESTER
                        && e.resourceId().equals(acmeGroup.id()) && Integer.valueOf(443).equals(e.fromPort())));
        awaitState(id, PeeringState.ACTIVE);

        gina.post("/peerings/" + id, "/peerings/" + id + "/teardown", Map.of("reason", "globex-core is being retired"));
        awaitState(id, PeeringState.DELETED);
        assertThat(alice.get("/peerings/" + id).body()).contains("DELETED").contains("globex-core is being retired");
        assertThat(PeeringWorld.routesVia(SIMULATOR_PORT, "111111111111", "us-east-1", active.requester().cloudVpcId(), active.pcxId())).isEmpty();
        assertThat(PeeringWorld.routesVia(SIMULATOR_PORT, "222222222222", "us-east-1", active.accepter().cloudVpcId(), active.pcxId())).isEmpty();
    }

    @Test
    void rejectionNeedsAReasonAndTheRequesterReadsIt() {
        PortalSession alice = signIn("alice");
        PeeringRequestId id = file(alice, world.demoContract(), "alice", world.vpc("anton", "acme-prod"),
                world.vpc("gus", "globex-eu"), formKey(alice));
        awaitState(id, PeeringState.PENDING_APPROVAL);

        PortalSession george = signIn("george");
        assertThat(george.htmxPost("/inbox", "/inbox", Map.of("request", id.toString(), "decision", "reject")).body())
                .contains("Give a reason to reject");
        assertThat(requests.get(world.as("george"), id).state()).isEqualTo(PeeringState.PENDING_APPROVAL);
        assertThat(george.htmxPost("/inbox", "/inbox", Map.of("request", id.toString(), "decision", "reject",
                "reason", "globex-eu is frozen this quarter")).body()).contains("Rejected by you.");
        awaitState(id, PeeringState.REJECTED);
        assertThat(alice.get("/peerings/" + id).body()).contains("REJECTED").contains("globex-eu is frozen this quarter");
    }

    @Test
    void overlappingVpcsAreRefusedWithBothBlocksShown() {
        ContractId initech = world.initechContract();
        PortalSession alice = signIn("alice");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("idempotencyKey", formKey(alice));
        form.put("requesterVpc", world.vpc("anton", "acme-dev").toString());
        form.put("contract", initech.toString());
        form.put("accepterVpc", world.vpc("ivan", "initech-legacy").toString());
        String live = alice.htmxPost("/peerings/new", "/peerings/new", form).body();
        assertThat(live).contains("10.30.0.0/16 of acme-dev overlaps 10.30.0.0/16 of initech-legacy");

        int before = requests.list(world.as("alice"), PeeringFilter.all()).size();
        PortalSession.Page refused = alice.post("/peerings/new", "/peerings", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("The request was not filed").contains("10.30.0.0/16 of acme-dev overlaps 10.30.0.0/16 of initech-legacy");
        assertThat(requests.list(world.as("alice"), PeeringFilter.all())).hasSize(before);
    }

    @Test
    void doubleSubmitWithOneKeyFilesOneRequestWhichTheRequesterCanCancel() {
        ContractId wide = world.wideContract();
        PortalSession alice = signIn("alice");
        String key = formKey(alice);
        VpcId own = world.vpc("anton", "acme-eu");
        VpcId theirs = world.vpc("gus", "globex-eu");
        PeeringRequestId first = file(alice, wide, "alice", own, theirs, key);
        PeeringRequestId second = file(alice, wide, "alice", own, theirs, key);
        assertThat(second).isEqualTo(first);
        assertThat(requests.list(world.as("alice"), PeeringFilter.all()).stream()
                .filter(r -> r.requesterVpc().equals("acme-eu") && r.accepterVpc().equals("globex-eu"))).hasSize(1);

        awaitState(first, PeeringState.PENDING_APPROVAL);
        assertThat(signIn("ian").get("/peerings/" + first).status()).as("another tenant").isEqualTo(404);
        alice.post("/peerings/" + first, "/peerings/" + first + "/cancel", Map.of("reason", "filed by mistake"));
        awaitState(first, PeeringState.CANCELLED);
        assertThat(signIn("george").get("/inbox").body()).doesNotContain(first.toString());
    }

    @Test
    void wizardSuggestsRoutesForThePairAndShowsTheDashboardCard() {
        PortalSession alice = signIn("alice");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("idempotencyKey", formKey(alice));
        form.put("requesterVpc", world.vpc("anton", "acme-prod").toString());
        form.put("contract", world.demoContract().toString());
        form.put("accepterVpc", world.vpc("gus", "globex-core").toString());
        String live = alice.htmxPost("/peerings/new", "/peerings/new", form).body();
        assertThat(live).contains("value=\"10.20.0.0/16\"").contains("value=\"10.10.0.0/16\"").contains("globex-core");
        assertThat(alice.get("/").body()).contains("Peerings").contains("waiting for your organisation");
        assertThat(signIn("george").get("/").body()).contains("waiting for you");
        assertThat(signIn("avery").get("/peerings/new").status()).as("a viewer files nothing").isEqualTo(403);
    }

    /** The rows of the page's checks table, each as its cells' text joined by " | ". */
    private static List<String> checks(String page) {
        Matcher table = Pattern.compile("<table id=\"checks\">.*?<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(page);
        assertThat(table.find()).as("the checks table").isTrue();
        return Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1)).results()
                .map(row -> String.join(" | ", Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1))
                        .results().map(cell -> cell.group(1).replaceAll("<[^>]+>", "").strip()).toList()))
                .toList();
    }

    /** A fresh idempotency key, as the form renders it. */
    private static String formKey(PortalSession session) {
        Matcher key = KEY.matcher(session.get("/peerings/new").body());
        assertThat(key.find()).as("the form's idempotency key").isTrue();
        return key.group(1);
    }

    /** Files the suggested routes and a tcp 443 rule on the accepter side through the page; returns the request. */
    private PeeringRequestId file(PortalSession session, ContractId contract, String username, VpcId own, VpcId theirs, String key) {
        PeeringSuggestion suggestion = requests.suggestRoutes(world.as(username), own, theirs);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("idempotencyKey", key);
        form.put("requesterVpc", own.toString());
        form.put("contract", contract.toString());
        form.put("accepterVpc", theirs.toString());
        List<PlannedRoute> routes = PeeringWorld.routes(suggestion,
                inventory.vpc(world.as(username), own).vpc().cidrBlocks().get(0).cidr(),
                requests.partnerVpcs(world.as(username), contract).stream().filter(v -> v.id().equals(theirs))
                        .findFirst().orElseThrow().cidrs().get(0));
        for (int i = 0; i < routes.size(); i++) {
            form.put("routes[" + i + "].include", "true");
            form.put("routes[" + i + "].side", routes.get(i).side().name());
            form.put("routes[" + i + "].routeTableId", routes.get(i).routeTableId());
            form.put("routes[" + i + "].destinationCidr", routes.get(i).destinationCidr());
        }
        form.put("rules[0].side", "ACCEPTER");
        form.put("rules[0].securityGroupId", suggestion.targets().accepterSecurityGroups().get(0).id());
        form.put("rules[0].protocol", "tcp");
        form.put("rules[0].fromPort", "443");
        form.put("rules[0].toPort", "443");
        PortalSession.Page filed = session.post("/peerings/new", "/peerings", form);
        assertThat(filed.status()).isEqualTo(200);
        assertThat(filed.body()).as("filed, not refused").doesNotContain("The request was not filed");
        String ownName = inventory.vpc(world.as(username), own).vpc().name();
        return requests.list(world.as(username), PeeringFilter.all()).stream()
                .filter(r -> r.requesterVpc().equals(ownName)).map(PeeringRow::id).findFirst().orElseThrow();
    }

    private void awaitState(PeeringRequestId id, PeeringState state) {
        PeeringWorld.await("request " + id + " " + state, WAIT,
                () -> requests.get(world.as("alice"), id).state() == state);
    }
}

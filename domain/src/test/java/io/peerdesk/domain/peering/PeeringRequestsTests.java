package io.peerdesk.domain.peering;

import io.peerdesk.domain.audit.AuditEvent;
import io.peerdesk.domain.cloud.PeeringCloud;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.contract.ContractProposal;
import io.peerdesk.domain.inventory.VpcDetail;
import io.peerdesk.domain.peering.PeeringEvents.PeeringRequested;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.NotPermitted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Filing, checking and reading requests against the demo world (Acme's, Globex's and Initech's
 * accounts registered and synced by their own organisations; Acme and Globex under an active
 * contract: us-east-1 and eu-west-1, Acme exposes 10.10.0.0/16, Globex 10.20.0.0/16 and
 * 10.21.0.0/16, tcp 443 and udp 161), and fresh worlds where a check needs a full table or group.
 * Nothing here touches the cloud's peerings; each test's data is rolled back.
 */
@Transactional
@RecordApplicationEvents
class PeeringRequestsTests extends PeeringTestBase {

    @Autowired ApplicationEvents events;

    Org acme;
    Org globex;
    Org initech;
    ContractId contract;
    VpcDetail acmeProd;
    VpcDetail acmeDev;
    VpcDetail acmeEu;
    VpcDetail globexCore;
    VpcDetail initechMain;
    VpcDetail initechLegacy;

    @BeforeEach
    void demoWorld() {
        acme = org("acme");
        globex = org("globex");
        initech = org("initech");
        registerAndSync(acme, PeeringCloud.ACME, "us-east-1", "eu-west-1");
        registerAndSync(globex, PeeringCloud.GLOBEX, "us-east-1", "eu-west-1");
        registerAndSync(initech, PeeringCloud.INITECH, "us-east-1");
        contract = contract(acme, globex, terms(globex, List.of("us-east-1", "eu-west-1"), List.of("10.10.0.0/16"),
                List.of("10.20.0.0/16", "10.21.0.0/16"), 10));
        acmeProd = vpc(acme, "acme-prod");
        acmeDev = vpc(acme, "acme-dev");
        acmeEu = vpc(acme, "acme-eu");
        globexCore = vpc(globex, "globex-core");
        initechMain = vpc(initech, "initech-main");
        initechLegacy = vpc(initech, "initech-legacy");
    }

    // ---- a valid request ----

    @Test
    void aValidRequestIsFiledAndBothPartiesSeeTheirSharedView() {
        PeeringRequest filed = peerings.submit(acme.requester(), prodToCore(), null);

        assertThat(filed.state()).isEqualTo(PeeringState.SUBMITTED);
        assertThat(filed.yourSide()).isEqualTo(PeeringSide.REQUESTER);
        assertThat(filed.waitingOn()).isEqualTo(WaitingOn.PORTAL);
        assertThat(filed.requester().vpc()).isEqualTo(acmeProd.id());
        assertThat(filed.accepter().vpc()).isNull();
        assertThat(filed.accepter().cidrs()).containsExactly("10.20.0.0/16");
        assertThat(filed.rules()).containsExactly(
                new PlannedRule(PeeringSide.ACCEPTER, group(globexCore, "globex-api"), "tcp", 443, 443, "10.10.0.0/16"));

        PeeringRequest seenByGlobex = peerings.get(globex.viewer(), filed.id());
        assertThat(seenByGlobex.yourSide()).isEqualTo(PeeringSide.ACCEPTER);
        assertThat(seenByGlobex.requester().vpc()).isNull();
        assertThat(seenByGlobex.requester().vpcLabel()).isEqualTo("acme-prod");
        assertThat(seenByGlobex.requester().cidrs()).contains("10.10.0.0/16", "100.64.10.0/24");
        assertThat(seenByGlobex.accepter().vpc()).isEqualTo(globexCore.id());
        assertThat(seenByGlobex.routes()).isEqualTo(filed.routes());
        assertThat(peerings.timeline(globex.viewer(), filed.id())).extracting(AuditEvent::action)
                .containsExactly("peering.requested");
        assertThat(events.stream(PeeringRequested.class)).containsExactly(new PeeringRequested(filed.id()));
    }

    @Test
    void checkingADraftStoresNothing() {
        NewPeeringRequest tooWide = withRule(prodToCore(), new PlannedRule(PeeringSide.ACCEPTER,
                group(globexCore, "globex-api"), "tcp", 22, null, null));

        assertThat(peerings.validate(acme.requester(), prodToCore())).isEmpty();
        assertThat(peerings.validate(acme.requester(), tooWide)).isNotEmpty();
        assertThat(peerings.list(acme.requester(), PeeringFilter.all())).isEmpty();
    }

    @Test
    void onlyARequesterFilesRequests() {
        assertThatThrownBy(() -> peerings.submit(acme.viewer(), prodToCore(), null)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> peerings.submit(acme.approver(), prodToCore(), null)).isInstanceOf(NotPermitted.class);
    }

    @Test
    void theSameIdempotencyKeyFilesOneRequest() {
        PeeringRequest first = peerings.submit(acme.requester(), prodToCore(), "click-1");
        PeeringRequest second = peerings.submit(acme.requester(), prodToCore(), "click-1");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(peerings.list(acme.requester(), PeeringFilter.all())).hasSize(1);
    }

    // ---- the two VPCs ----

    @Test
    void overlappingVpcsAreRefusedWithEveryOverlapListed() {
        contract(acme, initech, terms(initech, List.of("us-east-1"), List.of("10.10.0.0/16", "10.30.0.0/16"),
                List.of("172.16.0.0/16", "10.31.0.0/16"), 10));
        NewPeeringRequest overlapping = new NewPeeringRequest(null, acmeDev.id(), initechLegacy.id(), List.of(
                new PlannedRoute(PeeringSide.REQUESTER, table(acmeDev, "acme-dev-private"), "10.30.0.0/16"),
                new PlannedRoute(PeeringSide.ACCEPTER, table(initechLegacy, "initech-legacy-private"), "10.30.0.0/16")),
                List.of());
        NewPeeringRequest apart = new NewPeeringRequest(null, acmeDev.id(), initechMain.id(), List.of(
                new PlannedRoute(PeeringSide.REQUESTER, table(acmeDev, "acme-dev-private"), "172.16.0.0/16"),
                new PlannedRoute(PeeringSide.ACCEPTER, table(initechMain, "initech-main-private"), "10.30.0.0/16")),
                List.of());

        assertThat(messages(overlapping)).anyMatch(m -> m.contains(
                "10.30.0.0/16 of acme-dev overlaps 10.30.0.0/16 of initech-legacy"))
                .anyMatch(m -> m.contains("10.30.0.0/16 overlaps acme-dev's own block 10.30.0.0/16"));
        assertThat(messages(apart)).isEmpty();
    }

    @Test
    void aVpcOutsideTheContractsRegionsIsRefused() {
        ContractId euOnly = contract(acme, initech, terms(initech, List.of("eu-west-1"), List.of("10.10.0.0/16"),
                List.of("172.16.0.0/16"), 10));
        NewPeeringRequest request = new NewPeeringRequest(euOnly, acmeProd.id(), initechMain.id(), List.of(
                new PlannedRoute(PeeringSide.REQUESTER, table(acmeProd, "acme-prod-private"), "172.16.0.0/16"),
                new PlannedRoute(PeeringSide.ACCEPTER, table(initechMain, "initech-main-private"), "10.10.0.0/16")),
                List.of());

        assertThat(problems(request)).contains(new PeeringProblem("requesterVpc",
                "acme-prod is in us-east-1, but the contract allows only eu-west-1: choose a VPC in one of those regions."));
        assertThat(problems(prodToCore())).isEmpty();
    }

    @Test
    void withoutAnActiveContractNothingIsFiled() {
        NewPeeringRequest toInitech = new NewPeeringRequest(null, acmeProd.id(), initechMain.id(), List.of(
                new PlannedRoute(PeeringSide.REQUESTER, table(acmeProd, "acme-prod-private"), "172.16.0.0/16")), List.of());

        assertThat(messages(toInitech)).singleElement().asString().startsWith("There is no active contract between "
                + acme.tenant().name() + " and the owner of that VPC");
        assertThatThrownBy(() -> peerings.submit(acme.requester(), toInitech, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("contract"));
        assertThat(peerings.list(acme.requester(), PeeringFilter.all())).isEmpty();
    }

    @Test
    void theAccepterVpcMustBeTheContractPartners() {
        NewPeeringRequest toInitech = new NewPeeringRequest(contract, acmeProd.id(), initechMain.id(), prodToCore().routes(),
                List.of());

        assertThat(problems(toInitech)).containsExactly(new PeeringProblem("accepterVpc",
                "Choose one of " + globex.tenant().name() + "'s VPCs shared under the contract."));
    }

    @Test
    void aSecondOpenRequestForTheSamePairPointsToTheFirst() {
        PeeringRequest first = peerings.submit(acme.requester(), prodToCore(), null);
        NewPeeringRequest reverse = new NewPeeringRequest(contract, globexCore.id(), acmeProd.id(), List.of(
                new PlannedRoute(PeeringSide.REQUESTER, table(globexCore, "globex-core-private"), "10.10.0.0/16"),
                new PlannedRoute(PeeringSide.ACCEPTER, table(acmeProd, "acme-prod-private"), "10.20.0.0/16")), List.of());

        assertThat(messages(prodToCore())).containsExactly("There is already a peering request for acme-prod and"
                + " globex-core: " + first.id() + " (submitted). Follow that one instead of filing another.");
        assertThat(peerings.validate(globex.requester(), reverse)).extracting(PeeringProblem::message)
                .anyMatch(m -> m.contains(first.id().toString()));
    }

    // ---- routes ----

    @Test
    void aRouteMustLeadIntoThePeerVpc() {
        NewPeeringRequest outside = withRoute(prodToCore(), 0, "10.99.0.0/16");
        NewPeeringRequest inside = withRoute(prodToCore(), 0, "10.20.1.0/24");

        assertThat(problems(outside)).containsExactly(new PeeringProblem("routes[0]",
                "10.99.0.0/16 is not inside globex-core (10.20.0.0/16): a route through the peering can only lead into the other VPC."));
        assertThat(problems(inside)).isEmpty();
    }

    @Test
    void aRouteMustStayWithinThePrefixesTheContractExposes() {
        ContractId narrow = contract(acme, initech, terms(initech, List.of("us-east-1"), List.of("10.10.0.0/16"),
                List.of("172.16.1.0/24"), 10));
        NewPeeringRequest wide = new NewPeeringRequest(narrow, acmeProd.id(), initechMain.id(), List.of(
                new PlannedRoute(PeeringSide.REQUESTER, table(acmeProd, "acme-prod-private"), "172.16.0.0/16"),
                new PlannedRoute(PeeringSide.ACCEPTER, table(initechMain, "initech-main-private"), "10.10.0.0/16")), List.of());

        assertThat(problems(wide)).containsExactly(new PeeringProblem("routes[0]", "The contract lets "
                + initech.tenant().name() + " expose only 172.16.1.0/24; 172.16.0.0/16 is outside them. Route only to those prefixes."));
        assertThat(problems(withRoute(wide, 0, "172.16.1.0/24"))).isEmpty();
    }

    @Test
    void routesAndRulesBelongToTheirSidesVpc() {
        NewPeeringRequest wrongTable = new NewPeeringRequest(contract, acmeProd.id(), globexCore.id(), List.of(
                new PlannedRoute(PeeringSide.REQUESTER, table(acmeDev, "acme-dev-private"), "10.20.0.0/16"),
                prodToCore().routes().get(1)), List.of(
                new PlannedRule(PeeringSide.REQUESTER, group(acmeDev, "acme-dev-app"), "udp", 161, null, null)));

        List<PeeringProblem> problems = problems(wrongTable);

        assertThat(problems).extracting(PeeringProblem::field).containsExactly("routes[0]", "rules[0]");
        assertThat(problems.get(0).message()).startsWith("Route table " + table(acmeDev, "acme-dev-private")
                + " is not in acme-prod (the requester's VPC): choose one of ").contains("(acme-prod-private)");
        assertThat(problems.get(1).message()).startsWith("Security group " + group(acmeDev, "acme-dev-app")
                + " is not in acme-prod").contains("(acme-prod-app)");
    }

    @Test
    void bothSidesNeedARoute() {
        NewPeeringRequest oneWay = new NewPeeringRequest(contract, acmeProd.id(), globexCore.id(),
                List.of(prodToCore().routes().get(0)), List.of());

        assertThat(messages(oneWay)).containsExactly("Add a route on the accepter side (globex-core) to the other VPC:"
                + " traffic needs a way there and back.");
    }

    @Test
    void aFullRouteTableIsRefusedAndOneWithRoomIsNot() {
        FreshWorld world = FreshWorld.create(this);
        String pcx = PeeringCloud.elements(PeeringCloud.call(world.requesterAccount, "us-east-1",
                "CreateVpcPeeringConnection", Map.of("VpcId", world.requesterVpc.vpc().vpcId(),
                        "PeerVpcId", world.accepterVpc().vpc().vpcId(), "PeerOwnerId", world.accepterAccount)),
                "vpcPeeringConnectionId").get(0);
        for (int i = 0; i < 50; i++) {
            PeeringCloud.call(world.requesterAccount, "us-east-1", "CreateRoute", Map.of("RouteTableId",
                    world.requesterTable(), "DestinationCidrBlock", "192.168." + i + ".0/24", "VpcPeeringConnectionId", pcx));
        }
        inventory.sync(world.requester.admin(), accounts.list(world.requester.admin()).get(0).id());

        assertThat(peerings.validate(world.requester.requester(), world.request())).containsExactly(new PeeringProblem(
                "routes", "Route table req-private has 50 of its 50 routes and this request adds 1: remove routes there"
                        + " or use another table."));
    }

    @Test
    void aTableAlreadyRoutingTheDestinationElsewhereIsRefused() {
        FreshWorld world = FreshWorld.create(this);
        String pcx = PeeringCloud.elements(PeeringCloud.call(world.requesterAccount, "us-east-1",
                "CreateVpcPeeringConnection", Map.of("VpcId", world.requesterVpc.vpc().vpcId(),
                        "PeerVpcId", world.accepterVpc().vpc().vpcId(), "PeerOwnerId", world.accepterAccount)),
                "vpcPeeringConnectionId").get(0);
        PeeringCloud.call(world.requesterAccount, "us-east-1", "CreateRoute", Map.of("RouteTableId",
                world.requesterTable(), "DestinationCidrBlock", "10.20.0.0/16", "VpcPeeringConnectionId", pcx));
        inventory.sync(world.requester.admin(), accounts.list(world.requester.admin()).get(0).id());

        assertThat(peerings.validate(world.requester.requester(), world.request())).containsExactly(new PeeringProblem(
                "routes[0]", "Route table req-private already routes 10.20.0.0/16 to " + pcx + " (a blackhole):"
                        + " remove that route or choose another destination."));
    }

    // ---- rules ----

    @Test
    void aPortTheContractDoesNotAllowIsRefused() {
        NewPeeringRequest ssh = withRule(prodToCore(), new PlannedRule(PeeringSide.ACCEPTER,
                group(globexCore, "globex-api"), "tcp", 22, null, null));
        NewPeeringRequest snmp = withRule(prodToCore(), new PlannedRule(PeeringSide.ACCEPTER,
                group(globexCore, "globex-monitoring"), "udp", 161, null, null));

        assertThat(problems(ssh)).containsExactly(new PeeringProblem("rules[0]",
                "tcp 22 is not allowed by the contract, which allows tcp 443, udp 161: ask only for allowed traffic."));
        assertThat(problems(snmp)).isEmpty();
    }

    @Test
    void aRuleAdmitsOnlyThePeerVpc() {
        NewPeeringRequest anywhere = withRule(prodToCore(), new PlannedRule(PeeringSide.ACCEPTER,
                group(globexCore, "globex-api"), "tcp", 443, 443, "0.0.0.0/0"));
        NewPeeringRequest subnet = withRule(prodToCore(), new PlannedRule(PeeringSide.ACCEPTER,
                group(globexCore, "globex-api"), "tcp", 443, 443, "10.10.1.0/24"));

        assertThat(messages(anywhere)).singleElement().asString()
                .startsWith("The source 0.0.0.0/0 reaches beyond acme-prod (10.10.0.0/16, 100.64.10.0/24");
        assertThat(problems(subnet)).isEmpty();
    }

    @Test
    void aFullSecurityGroupIsRefused() {
        FreshWorld world = FreshWorld.create(this);
        for (int port = 20000; port < 20059; port++) {
            PeeringCloud.call(world.accepterAccount, "us-east-1", "AuthorizeSecurityGroupIngress", Map.of(
                    "GroupId", world.accepterGroup(), "IpPermissions.1.IpProtocol", "tcp",
                    "IpPermissions.1.FromPort", Integer.toString(port), "IpPermissions.1.ToPort", Integer.toString(port),
                    "IpPermissions.1.IpRanges.1.CidrIp", "192.168.0.0/16"));
        }
        inventory.sync(world.accepter.admin(), accounts.list(world.accepter.admin()).get(0).id());

        assertThat(peerings.validate(world.requester.requester(), world.request())).containsExactly(new PeeringProblem(
                "rules", "Security group acc-api (" + world.accepterGroup() + ") has 60 of its 60 inbound rules and this"
                        + " request adds 1: remove rules there or use another group."));
    }

    // ---- quotas ----

    /** The cloud counts the requests awaiting acceptance per account and region, from all its VPCs together. */
    @Test
    void anAccountWithTheMostOutstandingRequestsMayNotFileAnotherFromAnyOfItsVpcs() {
        assertThat(OUTSTANDING_QUOTA).isEqualTo(2);
        FreshWorld world = FreshWorld.create(this, 2, 3, p -> p, "us-east-1");
        VpcDetail first = world.requesterVpcs.get(0);
        VpcDetail second = world.requesterVpcs.get(1);
        Actor alice = world.requester.requester();
        peerings.submit(alice, world.request(first, world.accepterVpcs.get(0)), null);
        assertThat(peerings.validate(alice, world.request(second, world.accepterVpcs.get(2)))).as("one of two").isEmpty();
        peerings.submit(alice, world.request(second, world.accepterVpcs.get(1)), null);

        for (VpcDetail mine : List.of(first, second)) {
            assertThat(peerings.validate(alice, world.request(mine, world.accepterVpcs.get(2))))
                    .containsExactly(new PeeringProblem("requesterVpc", "Account " + world.requesterAccount + " (of "
                            + mine.vpc().label() + ") already has 2 peering requests awaiting acceptance in us-east-1,"
                            + " the most the cloud allows per account and region (2). Wait for decisions or cancel one."));
        }
    }

    @Test
    void theContractsPeeringLimitIsKept() {
        FreshWorld world = FreshWorld.create(this, 2, p -> new ContractProposal(p.partner(), p.title(), p.validFrom(),
                p.validUntil(), p.regions(), p.proposerPrefixes(), p.partnerPrefixes(), p.ports(), false,
                p.sloAvailability(), p.sloLatencyMs(), 1, p.maintenanceNoticeDays(), p.maintenanceWindow(),
                p.sharedContactRoles()));
        peerings.submit(world.requester.requester(), world.request(world.accepterVpcs.get(0)), null);

        assertThat(peerings.validate(world.requester.requester(), world.request(world.accepterVpcs.get(1))))
                .containsExactly(new PeeringProblem("contract", "The contract allows 1 peerings and 1 are active or"
                        + " requested. Tear one down or agree a higher limit."));
    }

    // ---- reading ----

    @Test
    void aThirdTenantFindsNothing() {
        PeeringRequest filed = peerings.submit(acme.requester(), prodToCore(), null);

        assertThatThrownBy(() -> peerings.get(initech.viewer(), filed.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> peerings.timeline(initech.viewer(), filed.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> peerings.requestTeardown(initech.admin(), filed.id(), "mine now"))
                .isInstanceOf(NotFound.class);
        assertThat(peerings.list(initech.viewer(), PeeringFilter.all())).isEmpty();
        assertThat(peerings.list(globex.viewer(), PeeringFilter.all())).singleElement()
                .satisfies(row -> {
                    assertThat(row.yourSide()).isEqualTo(PeeringSide.ACCEPTER);
                    assertThat(row.partnerName()).isEqualTo(acme.tenant().name());
                    assertThat(row.requesterVpc()).isEqualTo("acme-prod");
                    assertThat(row.waitingOnYou()).isFalse();
                });
        assertThat(peerings.list(globex.viewer(), new PeeringFilter(PeeringSide.REQUESTER, null, false, false))).isEmpty();
    }

    @Test
    void onlyAnActivePeeringCanBeTornDownOrChanged() {
        PeeringRequest filed = peerings.submit(acme.requester(), prodToCore(), null);

        assertThatThrownBy(() -> peerings.requestTeardown(acme.requester(), filed.id(), "not needed"))
                .isInstanceOf(Conflict.class).hasMessageContaining("only an active peering can be torn down");
        assertThatThrownBy(() -> peerings.requestChange(acme.requester(), filed.id(),
                new PeeringChange(List.of(), List.of(), List.of(), List.of(), "more")))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void thePartnersVpcsAreSharedUnderAnActiveContractOnly() {
        List<PartnerVpc> shared = peerings.partnerVpcs(acme.requester(), contract);

        assertThat(shared).extracting(PartnerVpc::label, PartnerVpc::region).containsExactly(
                org.assertj.core.groups.Tuple.tuple("globex-core", "us-east-1"),
                org.assertj.core.groups.Tuple.tuple("globex-eu", "eu-west-1"));
        assertThat(shared.get(0).cidrs()).containsExactly("10.20.0.0/16");
        ContractId proposed = contracts.propose(acme.admin(), terms(initech, List.of("us-east-1"),
                List.of("10.10.0.0/16"), List.of("172.16.0.0/16"), 10)).id();
        assertThatThrownBy(() -> peerings.partnerVpcs(acme.requester(), proposed)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> peerings.partnerVpcs(initech.requester(), contract)).isInstanceOf(NotFound.class);
    }

    @Test
    void suggestionsRouteEachTableToTheBlocksTheContractExposes() {
        PeeringSuggestion suggestion = peerings.suggestRoutes(acme.requester(), acmeProd.id(), globexCore.id());

        assertThat(suggestion.routes()).filteredOn(r -> r.side() == PeeringSide.REQUESTER)
                .extracting(PlannedRoute::destinationCidr).hasSize(acmeProd.vpc().routeTables().size())
                .containsOnly("10.20.0.0/16");
        assertThat(suggestion.routes()).filteredOn(r -> r.side() == PeeringSide.ACCEPTER)
                .extracting(PlannedRoute::routeTableId, PlannedRoute::destinationCidr)
                .contains(org.assertj.core.groups.Tuple.tuple(table(globexCore, "globex-core-private"), "10.10.0.0/16"))
                .extracting(t -> t.toArray()[1]).containsOnly("10.10.0.0/16");
        assertThat(suggestion.targets().accepterSecurityGroups()).extracting(PeeringTargets.Choice::name)
                .contains("globex-api", "globex-monitoring");
        String mainTable = acmeProd.vpc().routeTables().stream().filter(t -> t.main()).findFirst().orElseThrow().routeTableId();
        assertThat(suggestion.targets().requesterRouteTables()).as("the VPC's unnamed main table is shown by its id alone")
                .contains(new PeeringTargets.Choice(mainTable, null))
                .extracting(PeeringTargets.Choice::label).contains(mainTable,
                        "acme-prod-private (" + table(acmeProd, "acme-prod-private") + ")");
        assertThat(suggestion.targets().nameOf(mainTable)).isNull();
        assertThat(suggestion.targets().nameOf(table(acmeProd, "acme-prod-private"))).isEqualTo("acme-prod-private");
        assertThatThrownBy(() -> peerings.suggestRoutes(acme.requester(), acmeProd.id(), initechMain.id()))
                .isInstanceOf(NotFound.class);
        assertThat(peerings.validate(acme.requester(), new NewPeeringRequest(contract, acmeProd.id(), globexCore.id(),
                suggestion.routes(), List.of()))).isEmpty();
    }

    // ---- helpers ----

    /** acme-prod-private → 10.20.0.0/16, globex-core-private → 10.10.0.0/16, tcp 443 into globex-api. */
    NewPeeringRequest prodToCore() {
        return new NewPeeringRequest(contract, acmeProd.id(), globexCore.id(), List.of(
                new PlannedRoute(PeeringSide.REQUESTER, table(acmeProd, "acme-prod-private"), "10.20.0.0/16"),
                new PlannedRoute(PeeringSide.ACCEPTER, table(globexCore, "globex-core-private"), "10.10.0.0/16")),
                List.of(new PlannedRule(PeeringSide.ACCEPTER, group(globexCore, "globex-api"), "tcp", 443, null, null)));
    }

    static NewPeeringRequest withRoute(NewPeeringRequest r, int index, String destination) {
        List<PlannedRoute> routes = new java.util.ArrayList<>(r.routes());
        PlannedRoute old = routes.get(index);
        routes.set(index, new PlannedRoute(old.side(), old.routeTableId(), destination));
        return new NewPeeringRequest(r.contract(), r.requesterVpc(), r.accepterVpc(), routes, r.rules());
    }

    static NewPeeringRequest withRule(NewPeeringRequest r, PlannedRule rule) {
        return new NewPeeringRequest(r.contract(), r.requesterVpc(), r.accepterVpc(), r.routes(), List.of(rule));
    }

    List<PeeringProblem> problems(NewPeeringRequest request) {
        return peerings.validate(acme.requester(), request);
    }

    List<String> messages(NewPeeringRequest request) {
        return problems(request).stream().map(PeeringProblem::message).toList();
    }

    ContractProposal terms(Org partner, List<String> regions, List<String> ours, List<String> theirs, int maxPeerings) {
        var today = contracts.today();
        return new ContractProposal(partner.tenant().id(), "Peering terms", today, today.plusYears(1), regions, ours,
                theirs, List.of("tcp 443", "udp 161"), false, new BigDecimal("99.9"), 20, maxPeerings, 14,
                "Tuesdays 02:00–04:00 UTC", Set.of(ContactRole.NOC));
    }
}

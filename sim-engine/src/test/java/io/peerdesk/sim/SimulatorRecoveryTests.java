package io.peerdesk.sim;

import io.peerdesk.sim.SimTestKit.MutableClock;
import io.peerdesk.sim.api.Ec2Api;
import io.peerdesk.sim.api.Ec2Service;
import io.peerdesk.sim.api.Ec2Service.Ec2Reply;
import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.RouteTable;
import io.peerdesk.sim.cloud.Vpc;
import io.peerdesk.sim.journal.SyncMode;
import io.peerdesk.sim.seed.SeedLoader;
import io.peerdesk.sim.seed.SeedWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.peerdesk.sim.SimTestKit.ACME_EAST;
import static io.peerdesk.sim.SimTestKit.ACME_EU;
import static io.peerdesk.sim.SimTestKit.DEMO_CALLERS;
import static io.peerdesk.sim.SimTestKit.GLOBEX_EAST;
import static io.peerdesk.sim.SimTestKit.GLOBEX_EU;
import static io.peerdesk.sim.SimTestKit.INITECH_EAST;
import static io.peerdesk.sim.SimTestKit.T0;
import static io.peerdesk.sim.SimTestKit.code;
import static io.peerdesk.sim.SimTestKit.element;
import static io.peerdesk.sim.SimTestKit.elements;
import static io.peerdesk.sim.SimTestKit.ok;
import static io.peerdesk.sim.SimTestKit.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A durable simulator comes back exactly as it was: after a clean close (from its last
 * snapshot), after a crash (snapshot plus the journal's tail, or the journal alone), with
 * time-dependent state judged by the clock of the new run. Refused and dry-run requests leave
 * no trace, not even in the id sequence.
 */
class SimulatorRecoveryTests {

    private static final Ec2Api API = new Ec2Api();

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(T0);
    private final List<Simulator> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (Simulator sim : open) {
            sim.close();
        }
    }

    private Simulator.Options durable(Path dir) {
        return Simulator.Options.durable(dir).withClock(clock).withSyncMode(SyncMode.FSYNC);
    }

    private Simulator openSim(Simulator.Options options) throws IOException {
        Simulator sim = Simulator.open(options);
        open.add(sim);
        return sim;
    }

    private void close(Simulator sim) throws IOException {
        open.remove(sim);
        sim.close();
    }

    /** Counts the requests a simulator journals: the accepted mutating ones. */
    private static final class Counting implements Ec2Service {
        final Ec2Service target;
        long journaled;

        Counting(Ec2Service target) {
            this.target = target;
        }

        @Override
        public Ec2Reply handle(Caller caller, String action, Map<String, String> params) {
            Ec2Reply reply = target.handle(caller, action, params);
            if (reply.status() == 200 && API.find(action).mutating()) {
                journaled++;
            }
            return reply;
        }

        String ok(Caller caller, String action, String... kv) {
            Ec2Reply reply = handle(caller, action, params(kv));
            assertThat(reply.status()).as("%s by %s: %s", action, caller, reply.xml()).isEqualTo(200);
            return reply.xml();
        }
    }

    // ---- the demo world and a walk through the peering life cycle ----

    private static Map<String, String> vpcIdsByName(Simulator sim) {
        return sim.read(c -> c.allVpcs().stream().collect(Collectors.toMap(v -> v.tags().get("Name"), Vpc::id)));
    }

    private static String routeTableNamed(Simulator sim, String name) {
        return sim.read(c -> c.allRouteTables().stream().filter(t -> name.equals(t.tags().get("Name")))
                .map(RouteTable::id).findFirst().orElseThrow());
    }

    private static String subnetNamed(Simulator sim, String name) {
        return sim.read(c -> c.allSubnets().stream().filter(s -> name.equals(s.tags().get("Name")))
                .map(s -> s.id()).findFirst().orElseThrow());
    }

    private void seedDemo(Counting ec2) throws IOException {
        assertThat(new SeedLoader(ec2).load(SeedLoader.read(SeedLoader.DEMO))).isEqualTo(7);
    }

    /** Every peering state, routes through a peering, tags on both sides, an analysis; the clock moves between steps. */
    private void peeringWalk(Simulator sim, Counting ec2) {
        Map<String, String> vpc = vpcIdsByName(sim);
        clock.advance(Duration.ofMinutes(5));
        // same region, cross-account: requested, accepted, routed, tagged by both owners
        String core = element(ec2.ok(ACME_EAST, "CreateVpcPeeringConnection", "VpcId", vpc.get("acme-prod"),
                "PeerVpcId", vpc.get("globex-core"), "PeerOwnerId", "222222222222",
                "TagSpecification.1.ResourceType", "vpc-peering-connection",
                "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", "acme-to-globex"),
                "vpcPeeringConnectionId");
        clock.advance(Duration.ofHours(3));
        ec2.ok(GLOBEX_EAST, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", core);
        ec2.ok(GLOBEX_EAST, "CreateTags", "ResourceId.1", core, "Tag.1.Key", "Name", "Tag.1.Value", "from-acme");
        ec2.ok(ACME_EAST, "CreateRoute", "RouteTableId", routeTableNamed(sim, "acme-prod-private"),
                "DestinationCidrBlock", "10.20.0.0/16", "VpcPeeringConnectionId", core);
        ec2.ok(GLOBEX_EAST, "CreateRoute", "RouteTableId", routeTableNamed(sim, "globex-core-private"),
                "DestinationCidrBlock", "10.10.0.0/16", "VpcPeeringConnectionId", core);
        String sg = sim.read(c -> c.allSecurityGroups().stream()
                .filter(g -> "globex-api".equals(g.tags().get("Name"))).findFirst().orElseThrow().id());
        ec2.ok(GLOBEX_EAST, "AuthorizeSecurityGroupIngress", "GroupId", sg, "IpPermissions.1.IpProtocol", "tcp",
                "IpPermissions.1.FromPort", "443", "IpPermissions.1.ToPort", "443",
                "IpPermissions.1.IpRanges.1.CidrIp", "10.10.1.0/24");
        // cross-region: accepted in the accepter's region
        clock.advance(Duration.ofMinutes(30));
        String eu = element(ec2.ok(ACME_EAST, "CreateVpcPeeringConnection", "VpcId", vpc.get("acme-prod"),
                "PeerVpcId", vpc.get("globex-eu"), "PeerOwnerId", "222222222222", "PeerRegion", "eu-west-1"),
                "vpcPeeringConnectionId");
        ec2.ok(GLOBEX_EU, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", eu);
        // overlapping blocks: failed at once
        String overlap = element(ec2.ok(ACME_EAST, "CreateVpcPeeringConnection", "VpcId", vpc.get("acme-dev"),
                "PeerVpcId", vpc.get("initech-legacy"), "PeerOwnerId", "333333333333"), "vpcPeeringConnectionId");
        // rejected
        clock.advance(Duration.ofMinutes(1));
        String rejected = element(ec2.ok(ACME_EAST, "CreateVpcPeeringConnection", "VpcId", vpc.get("acme-dev"),
                "PeerVpcId", vpc.get("initech-main"), "PeerOwnerId", "333333333333"), "vpcPeeringConnectionId");
        ec2.ok(INITECH_EAST, "RejectVpcPeeringConnection", "VpcPeeringConnectionId", rejected);
        // deleted by the requester while pending
        String withdrawn = element(ec2.ok(ACME_EU, "CreateVpcPeeringConnection", "VpcId", vpc.get("acme-eu"),
                "PeerVpcId", vpc.get("globex-eu"), "PeerOwnerId", "222222222222"), "vpcPeeringConnectionId");
        ec2.ok(ACME_EU, "DeleteVpcPeeringConnection", "VpcPeeringConnectionId", withdrawn);
        // still pending at the end
        String pending = element(ec2.ok(GLOBEX_EAST, "CreateVpcPeeringConnection", "VpcId", vpc.get("globex-core"),
                "PeerVpcId", vpc.get("initech-main"), "PeerOwnerId", "333333333333"), "vpcPeeringConnectionId");
        // a reachability analysis, whose result is part of the state
        String path = element(ec2.ok(ACME_EAST, "CreateNetworkInsightsPath",
                "Source", subnetNamed(sim, "acme-prod-app-a"), "Destination", subnetNamed(sim, "acme-prod-edge-a"),
                "DestinationIp", "10.10.100.10", "Protocol", "tcp", "DestinationPort", "22"), "networkInsightsPathId");
        ec2.ok(ACME_EAST, "StartNetworkInsightsAnalysis", "NetworkInsightsPathId", path);
        clock.advance(Duration.ofMinutes(10));

        assertThat(states(sim, ACME_EAST)).containsEntry(core, "active").containsEntry(eu, "active")
                .containsEntry(overlap, "failed").containsEntry(rejected, "rejected")
                .doesNotContainKey(pending).doesNotContainKey(withdrawn);
        assertThat(states(sim, ACME_EU)).containsEntry(withdrawn, "deleted");
        assertThat(states(sim, GLOBEX_EAST)).containsEntry(pending, "pending-acceptance");
        assertThat(states(sim, INITECH_EAST)).containsEntry(pending, "pending-acceptance")
                .containsEntry(rejected, "rejected");
    }

    /** Peering id → status code, as {@code caller} sees them now. */
    private static Map<String, String> states(Simulator sim, Caller caller) {
        String xml = ok(sim, caller, "DescribeVpcPeeringConnections");
        List<String> ids = elements(xml, "vpcPeeringConnectionId");
        List<String> codes = elements(xml, "code");
        assertThat(ids).hasSameSizeAs(codes);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), codes.get(i));
        }
        return out;
    }

    /** What a restart must reproduce: the state as every caller describes it, and the whole serialised cloud. */
    private record Image(String described, byte[] state) {
        static Image of(Simulator sim) {
            // describe first: Describe calls must not change the state, but if one did it would show in both
            String described = SimTestKit.describeAll(sim, DEMO_CALLERS);
            return new Image(described, SimTestKit.fingerprint(sim));
        }

        void assertSameAs(Image other) {
            assertThat(other.described).isEqualTo(described);
            assertThat(SimTestKit.difference(state, other.state)).as("identical serialised state").isNull();
        }
    }

    @Test
    void aSeededWorldWithAPeeringWalkComesBackIdenticalAfterACleanRestartAndAfterACrash() throws Exception {
        Path dir = tmp.resolve("data");
        Simulator sim = openSim(durable(dir));
        assertThat(sim.recovery().snapshotSeq()).isZero();
        assertThat(sim.recovery().replayed()).isZero();
        Counting ec2 = new Counting(sim);
        seedDemo(ec2);
        peeringWalk(sim, ec2);
        Image before = Image.of(sim);
        Path crash = SimTestKit.crashImage(dir, tmp.resolve("crash"));
        close(sim);

        Simulator reopened = openSim(durable(dir));
        assertThat(reopened.recovery().snapshotSeq()).as("close takes a snapshot").isEqualTo(ec2.journaled);
        assertThat(reopened.recovery().replayed()).isZero();
        before.assertSameAs(Image.of(reopened));

        Simulator crashed = openSim(durable(crash));
        assertThat(crashed.recovery().snapshotSeq()).isZero();
        assertThat(crashed.recovery().replayed()).as("the whole journal is replayed").isEqualTo(ec2.journaled);
        assertThat(crashed.recovery().journal().tornTail()).isEmpty();
        before.assertSameAs(Image.of(crashed));

        // and both go on alike: the next ids are the same
        assertThat(element(ok(crashed, ACME_EAST, "CreateVpc", "CidrBlock", "192.168.0.0/16"), "vpcId"))
                .isEqualTo(element(ok(reopened, ACME_EAST, "CreateVpc", "CidrBlock", "192.168.0.0/16"), "vpcId"));
    }

    @Test
    void recoveryAfterACrashIsTheLatestSnapshotPlusTheReplayedTailOfTheJournal() throws Exception {
        long every = 10;
        Path dir = tmp.resolve("data");
        Simulator sim = openSim(durable(dir).withSnapshotEvery(every));
        Counting ec2 = new Counting(sim);
        seedDemo(ec2);
        peeringWalk(sim, ec2);
        if (ec2.journaled % every == 0) {
            ec2.ok(ACME_EAST, "CreateTags", "ResourceId.1", vpcIdsByName(sim).get("acme-prod"),
                    "Tag.1.Key", "tail", "Tag.1.Value", "1");
        }
        long tail = ec2.journaled % every;
        assertThat(snapshotFiles(dir)).as("snapshots taken on the way").isNotEmpty();
        Image before = Image.of(sim);
        Path crash = SimTestKit.crashImage(dir, tmp.resolve("crash"));

        Simulator crashed = openSim(durable(crash).withSnapshotEvery(every));
        Simulator.Recovery r = crashed.recovery();
        assertThat(r.snapshotSeq()).isPositive().isEqualTo(ec2.journaled - tail);
        assertThat(r.replayed()).isEqualTo(tail).isPositive();
        assertThat(r.journal().tornTail()).isEmpty();
        before.assertSameAs(Image.of(crashed));

        close(sim);
        Simulator reopened = openSim(durable(dir).withSnapshotEvery(every));
        assertThat(reopened.recovery().snapshotSeq()).isEqualTo(ec2.journaled);
        assertThat(reopened.recovery().replayed()).isZero();
        before.assertSameAs(Image.of(reopened));
    }

    private static List<Path> snapshotFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("snapshots"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bin")).toList();
        }
    }

    // ---- time ----

    private record TwoVpcs(String requester, String accepter) {
    }

    private static TwoVpcs twoVpcs(Simulator sim) {
        return new TwoVpcs(element(ok(sim, ACME_EAST, "CreateVpc", "CidrBlock", "10.1.0.0/16"), "vpcId"),
                element(ok(sim, GLOBEX_EAST, "CreateVpc", "CidrBlock", "10.2.0.0/16"), "vpcId"));
    }

    private static String requestPeering(Simulator sim, TwoVpcs vpcs) {
        return element(ok(sim, ACME_EAST, "CreateVpcPeeringConnection", "VpcId", vpcs.requester(),
                "PeerVpcId", vpcs.accepter(), "PeerOwnerId", "222222222222"), "vpcPeeringConnectionId");
    }

    @Test
    void aPendingPeeringHasExpiredWhenTheSimulatorIsReopenedEightDaysLater() throws Exception {
        Path dir = tmp.resolve("data");
        Simulator sim = openSim(durable(dir));
        String pcx = requestPeering(sim, twoVpcs(sim));
        assertThat(states(sim, GLOBEX_EAST)).containsEntry(pcx, "pending-acceptance");
        Path crash = SimTestKit.crashImage(dir, tmp.resolve("crash"));
        close(sim);

        clock.set(T0.plus(Duration.ofDays(8)));
        for (Path d : List.of(dir, crash)) { // from the snapshot of the clean close, and by replaying the journal
            Simulator later = openSim(durable(d));
            assertThat(states(later, ACME_EAST)).containsEntry(pcx, "expired");
            assertThat(states(later, GLOBEX_EAST)).containsEntry(pcx, "expired");
            Ec2Reply accept = later.handle(GLOBEX_EAST, "AcceptVpcPeeringConnection",
                    params("VpcPeeringConnectionId", pcx));
            assertThat(code(accept)).isEqualTo("InvalidStateTransition");
            close(later);
        }
    }

    @Test
    void aPendingPeeringCanStillBeAcceptedWhenReopenedSixDaysLater() throws Exception {
        Path dir = tmp.resolve("data");
        Simulator sim = openSim(durable(dir));
        String pcx = requestPeering(sim, twoVpcs(sim));
        close(sim);

        clock.set(T0.plus(Duration.ofDays(6)));
        Simulator later = openSim(durable(dir));
        assertThat(states(later, GLOBEX_EAST)).containsEntry(pcx, "pending-acceptance");
        ok(later, GLOBEX_EAST, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
        close(later);

        clock.set(T0.plus(Duration.ofDays(30)));
        Simulator muchLater = openSim(durable(dir));
        assertThat(states(muchLater, ACME_EAST)).containsEntry(pcx, "active");
    }

    @Test
    void replayAppliesEachCommandAtItsJournaledInstantNotAtTheTimeOfRecovery() throws Exception {
        Path dir = tmp.resolve("data");
        Simulator sim = openSim(durable(dir));
        String pcx = requestPeering(sim, twoVpcs(sim));
        clock.set(T0.plus(Duration.ofDays(6)));
        ok(sim, GLOBEX_EAST, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
        Path crash = SimTestKit.crashImage(dir, tmp.resolve("crash"));

        // were the accept replayed "now", 8 days after the request, it would be refused and recovery would fail
        clock.set(T0.plus(Duration.ofDays(8)));
        Simulator recovered = openSim(durable(crash));
        assertThat(recovered.recovery().replayed()).isEqualTo(4);
        assertThat(states(recovered, GLOBEX_EAST)).containsEntry(pcx, "active");
    }

    // ---- what leaves no trace ----

    /** Requests each refused for a different reason, some after parts of them would have been valid. */
    private static List<Consumer<Simulator>> refusedRequests(String vpc, String sg, String acl, String pcxOfOther) {
        return List.of(
                s -> refused(s, ACME_EAST, "InvalidVpc.Range", "CreateVpc", "CidrBlock", "10.0.0.0/8"),
                s -> refused(s, ACME_EAST, "InvalidParameterValue", "CreateVpc", "CidrBlock", "10.0.0.0/16",
                        "InstanceTenancy", "shared"),
                s -> refused(s, ACME_EAST, "InvalidSubnet.Range", "CreateSubnet", "VpcId", vpc, "CidrBlock",
                        "10.99.0.0/24"),
                s -> refused(s, ACME_EAST, "InvalidVpc.Range", "AssociateVpcCidrBlock", "VpcId", vpc, "CidrBlock",
                        "10.1.128.0/17"),
                s -> refused(s, ACME_EAST, "InvalidGroup.Duplicate", "CreateSecurityGroup", "VpcId", vpc,
                        "GroupName", "web", "GroupDescription", "again"),
                // the first permission is new, the second a duplicate: the whole request is refused
                s -> refused(s, ACME_EAST, "InvalidPermission.Duplicate", "AuthorizeSecurityGroupIngress",
                        "GroupId", sg,
                        "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", "80",
                        "IpPermissions.1.ToPort", "80", "IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8",
                        "IpPermissions.2.IpProtocol", "tcp", "IpPermissions.2.FromPort", "443",
                        "IpPermissions.2.ToPort", "443", "IpPermissions.2.IpRanges.1.CidrIp", "10.1.0.0/16"),
                s -> refused(s, ACME_EAST, "NetworkAclEntryAlreadyExists", "CreateNetworkAclEntry",
                        "NetworkAclId", acl, "RuleNumber", "100", "Egress", "false", "Protocol", "-1",
                        "RuleAction", "deny", "CidrBlock", "10.0.0.0/8"),
                s -> refused(s, ACME_EAST, "InvalidVpcID.NotFound", "CreateVpcPeeringConnection", "VpcId", vpc,
                        "PeerVpcId", "vpc-0123456789abcdef0", "PeerOwnerId", "222222222222"),
                s -> refused(s, ACME_EAST, "OperationNotPermitted", "AcceptVpcPeeringConnection",
                        "VpcPeeringConnectionId", pcxOfOther),
                s -> refused(s, ACME_EAST, "InvalidRouteTableID.NotFound", "CreateRoute",
                        "RouteTableId", "rtb-0123456789abcdef0", "DestinationCidrBlock", "0.0.0.0/0",
                        "GatewayId", "igw-0123456789abcdef0"),
                s -> refused(s, ACME_EAST, "InvalidParameterValue", "CreateRouteTable", "VpcId", vpc,
                        "TagSpecification.1.ResourceType", "vpc", "TagSpecification.1.Tag.1.Key", "k"),
                s -> refused(s, ACME_EAST, "InvalidVpcID.NotFound", "DeleteVpc", "VpcId", "vpc-0123456789abcdef0"));
    }

    private static void refused(Simulator sim, Caller caller, String expectedCode, String action, String... kv) {
        byte[] before = SimTestKit.fingerprint(sim);
        Ec2Reply reply = sim.handle(caller, action, params(kv));
        assertThat(reply.status()).as("%s: %s", action, reply.xml()).isEqualTo(400);
        assertThat(code(reply)).as("%s: %s", action, reply.xml()).isEqualTo(expectedCode);
        assertThat(Arrays.equals(SimTestKit.fingerprint(sim), before)).as("%s changed nothing", action).isTrue();
    }

    /** The successful part of the story below, for a simulator that never saw the refused requests. */
    private record Setup(String vpc, String sg, String acl, String pcxOfOther) {
        static Setup on(Simulator sim) {
            String vpc = element(ok(sim, ACME_EAST, "CreateVpc", "CidrBlock", "10.1.0.0/16"), "vpcId");
            String sg = element(ok(sim, ACME_EAST, "CreateSecurityGroup", "VpcId", vpc, "GroupName", "web",
                    "GroupDescription", "web"), "groupId");
            ok(sim, ACME_EAST, "AuthorizeSecurityGroupIngress", "GroupId", sg, "IpPermissions.1.IpProtocol", "tcp",
                    "IpPermissions.1.FromPort", "443", "IpPermissions.1.ToPort", "443",
                    "IpPermissions.1.IpRanges.1.CidrIp", "10.1.0.0/16");
            String acl = element(ok(sim, ACME_EAST, "CreateNetworkAcl", "VpcId", vpc), "networkAclId");
            ok(sim, ACME_EAST, "CreateNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "100", "Egress", "false",
                    "Protocol", "6", "RuleAction", "allow", "CidrBlock", "10.0.0.0/8", "PortRange.From", "443",
                    "PortRange.To", "443");
            String other = element(ok(sim, GLOBEX_EAST, "CreateVpc", "CidrBlock", "10.2.0.0/16"), "vpcId");
            String pcx = element(ok(sim, ACME_EAST, "CreateVpcPeeringConnection", "VpcId", vpc, "PeerVpcId", other,
                    "PeerOwnerId", "222222222222"), "vpcPeeringConnectionId");
            return new Setup(vpc, sg, acl, pcx);
        }

        static final int COMMANDS = 7;
    }

    /** The ids the next few creations get. */
    private static List<String> nextIds(Simulator sim, String vpc) {
        return List.of(
                element(ok(sim, ACME_EAST, "CreateVpc", "CidrBlock", "10.3.0.0/16"), "vpcId"),
                element(ok(sim, ACME_EAST, "CreateSubnet", "VpcId", vpc, "CidrBlock", "10.1.1.0/24"), "subnetId"),
                element(ok(sim, ACME_EAST, "CreateRouteTable", "VpcId", vpc), "routeTableId"));
    }

    @Test
    void aRefusedRequestChangesNothingIsNotJournaledAndDoesNotShiftLaterIds() throws Exception {
        Simulator reference = openSim(Simulator.Options.inMemory().withClock(clock));
        Setup expected = Setup.on(reference);
        List<String> expectedIds = nextIds(reference, expected.vpc());

        Path dir = tmp.resolve("data");
        Simulator sim = openSim(durable(dir));
        Setup setup = Setup.on(sim);
        assertThat(setup).isEqualTo(expected);
        for (Consumer<Simulator> request : refusedRequests(setup.vpc(), setup.sg(), setup.acl(), setup.pcxOfOther())) {
            request.accept(sim);
        }
        Path crash = SimTestKit.crashImage(dir, tmp.resolve("crash"));
        close(sim);

        Simulator crashed = openSim(durable(crash));
        assertThat(crashed.recovery().replayed()).as("only the accepted requests were journaled")
                .isEqualTo(Setup.COMMANDS);
        assertThat(nextIds(crashed, setup.vpc())).isEqualTo(expectedIds);
        Simulator reopened = openSim(durable(dir));
        assertThat(reopened.recovery().snapshotSeq()).isEqualTo(Setup.COMMANDS);
        assertThat(nextIds(reopened, setup.vpc())).isEqualTo(expectedIds);
    }

    @Test
    void aDryRunChangesNothingAndIsNotJournaled() throws Exception {
        Simulator reference = openSim(Simulator.Options.inMemory().withClock(clock));
        Setup expected = Setup.on(reference);
        List<String> expectedIds = nextIds(reference, expected.vpc());

        Path dir = tmp.resolve("data");
        Simulator sim = openSim(durable(dir));
        Setup setup = Setup.on(sim);
        byte[] before = SimTestKit.fingerprint(sim);
        for (Map<String, String> p : List.of(
                params("Action", "CreateVpc", "CidrBlock", "10.5.0.0/16", "DryRun", "true"),
                params("Action", "CreateSubnet", "VpcId", setup.vpc(), "CidrBlock", "10.1.9.0/24", "DryRun", "True"),
                params("Action", "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", setup.pcxOfOther(),
                        "DryRun", "TRUE"),
                params("Action", "DeleteVpc", "VpcId", setup.vpc(), "DryRun", "true"),
                params("Action", "DescribeVpcs", "DryRun", "true"))) {
            String action = p.remove("Action");
            Caller caller = action.startsWith("Accept") ? GLOBEX_EAST : ACME_EAST;
            Ec2Reply reply = sim.handle(caller, action, p);
            assertThat(reply.status()).as("%s: %s", action, reply.xml()).isEqualTo(412);
            assertThat(code(reply)).isEqualTo("DryRunOperation");
        }
        assertThat(Arrays.equals(SimTestKit.fingerprint(sim), before)).as("dry runs changed nothing").isTrue();
        assertThat(states(sim, GLOBEX_EAST)).containsEntry(setup.pcxOfOther(), "pending-acceptance");
        Path crash = SimTestKit.crashImage(dir, tmp.resolve("crash"));
        close(sim);

        Simulator crashed = openSim(durable(crash));
        assertThat(crashed.recovery().replayed()).isEqualTo(Setup.COMMANDS);
        assertThat(nextIds(crashed, setup.vpc())).isEqualTo(expectedIds);
    }

    @Test
    void aParameterWithoutAValueCountsAsAbsentAndTheRequestIsJournaledWithoutIt() throws Exception {
        Path dir = tmp.resolve("data");
        Simulator sim = openSim(durable(dir));
        Map<String, String> p = new HashMap<>();
        p.put("CidrBlock", "10.7.0.0/16");
        p.put("InstanceTenancy", null);
        Ec2Reply reply = sim.handle(ACME_EAST, "CreateVpc", p);
        assertThat(reply.status()).as(reply.xml()).isEqualTo(200);
        String vpc = element(reply.xml(), "vpcId");
        Path crash = SimTestKit.crashImage(dir, tmp.resolve("crash"));
        close(sim);

        Simulator crashed = openSim(durable(crash));
        assertThat(crashed.recovery().replayed()).isEqualTo(1);
        assertThat(elements(ok(crashed, ACME_EAST, "DescribeVpcs"), "vpcId")).containsExactly(vpc);
    }

    // ---- the data directory ----

    @Test
    void aSecondOpenOfTheSameDataDirectoryFailsClearlyWhileTheFirstIsOpen() throws Exception {
        Path dir = tmp.resolve("data");
        Simulator first = openSim(durable(dir));
        String vpc = element(ok(first, ACME_EAST, "CreateVpc", "CidrBlock", "10.1.0.0/16"), "vpcId");

        assertThatThrownBy(() -> openSim(durable(dir)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("data directory")
                .hasMessageContaining(dir.getFileName().toString())
                .hasMessageContaining("in use");
        assertThatThrownBy(() -> openSim(durable(dir.resolve("..").resolve("data"))))
                .as("the same directory by another name").isInstanceOf(IOException.class)
                .hasMessageContaining("in use");

        // the failed attempts took nothing from the first: it works on, and still owns the directory
        ok(first, ACME_EAST, "CreateVpc", "CidrBlock", "10.2.0.0/16");
        assertThat(anotherProcessCanLock(dir)).as("another process could take the directory").isFalse();

        close(first);
        Simulator again = openSim(durable(dir));
        assertThat(elements(ok(again, ACME_EAST, "DescribeVpcs"), "vpcId")).hasSize(2).contains(vpc);
    }

    /** Starts a JVM that tries to lock {@code dir} (the journal tests' lock holder) and reports whether it could. */
    private static boolean anotherProcessCanLock(Path dir) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.peerdesk.sim.journal.DataDirLockHolder",
                dir.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close(); // a holder that got the lock lets it go at once
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).satisfiesAnyOf(o -> assertThat(o).contains("LOCKED"),
                o -> assertThat(o).contains("is in use by another process"));
        return output.contains("LOCKED");
    }

    @Test
    void aFailedOpenDoesNotKeepTheDirectoryLocked() throws Exception {
        Path dir = tmp.resolve("data");
        Simulator first = openSim(durable(dir));
        assertThatThrownBy(() -> Simulator.open(durable(dir))).isInstanceOf(IOException.class);
        close(first);
        // neither the first nor the refused second open holds it any more
        Simulator second = openSim(durable(dir));
        close(second);
        assertThat(anotherProcessCanLock(dir)).isTrue();
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedSimulatorAppliesNoFurtherChange() throws Exception {
        Path dir = tmp.resolve("data");
        Simulator sim = openSim(durable(dir));
        String vpc = element(ok(sim, ACME_EAST, "CreateVpc", "CidrBlock", "10.1.0.0/16"), "vpcId");
        close(sim);
        sim.close();

        assertThatThrownBy(() -> sim.handle(ACME_EAST, "CreateVpc", params("CidrBlock", "10.2.0.0/16")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(elements(ok(sim, ACME_EAST, "DescribeVpcs"), "vpcId")).as("reads still work")
                .containsExactly(vpc);

        Simulator reopened = openSim(durable(dir));
        assertThat(reopened.recovery().snapshotSeq()).isEqualTo(1);
        assertThat(elements(ok(reopened, ACME_EAST, "DescribeVpcs"), "vpcId")).containsExactly(vpc);
        sim.close(); // a late close of the old instance leaves the new one's directory alone
        assertThatThrownBy(() -> Simulator.open(durable(dir))).isInstanceOf(IOException.class)
                .hasMessageContaining("in use");
    }

    // ---- request errors ----

    @Test
    void requestErrorsComeBackAsAwsErrorsAndAreNotJournaled() throws Exception {
        Path dir = tmp.resolve("data");
        Simulator sim = openSim(durable(dir));

        Ec2Reply unknown = sim.handle(ACME_EAST, "LaunchRocket", Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(code(unknown)).isEqualTo("InvalidAction");
        assertThat(element(unknown.xml(), "Message")).contains("LaunchRocket");

        Ec2Reply missing = sim.handle(ACME_EAST, "CreateVpc", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(code(missing)).isEqualTo("MissingParameter");
        assertThat(element(missing.xml(), "Message")).contains("CidrBlock");

        for (String bad : List.of("10.0.0.0/33", "10.0.0/16", "banana", "10.0.0.256/24", "2001:db8::/56")) {
            Ec2Reply malformed = sim.handle(ACME_EAST, "CreateVpc", params("CidrBlock", bad));
            assertThat(malformed.status()).as(bad).isEqualTo(400);
            assertThat(code(malformed)).as(bad).isEqualTo("InvalidParameterValue");
            assertThat(element(malformed.xml(), "Message")).as(bad).contains(bad);
        }

        Ec2Reply missingId = sim.handle(GLOBEX_EAST, "AcceptVpcPeeringConnection", Map.of());
        assertThat(missingId.status()).isEqualTo(400);
        assertThat(code(missingId)).isEqualTo("MissingParameter");
        assertThat(element(missingId.xml(), "Message")).contains("VpcPeeringConnectionId");

        Path crash = SimTestKit.crashImage(dir, tmp.resolve("crash"));
        Simulator crashed = openSim(durable(crash));
        assertThat(crashed.recovery().replayed()).isZero();
        assertThat(elements(ok(crashed, ACME_EAST, "DescribeVpcs"), "vpcId")).isEmpty();
    }

    // ---- seeds ----

    private static SeedWorld.Vpc seedVpc(String name, String cidr) {
        return new SeedWorld.Vpc(name, "us-east-1", cidr, null, false, false, null, null, null, null);
    }

    @Test
    void aSeedWithAnUnknownPeeringEndOrATwiceUsedVpcNameIsRefusedBeforeAnythingIsCreated() throws Exception {
        Simulator sim = openSim(durable(tmp.resolve("data")));
        SeedWorld unknownPeer = new SeedWorld(List.of(new SeedWorld.Account("111111111111", "Acme",
                List.of(seedVpc("a", "10.1.0.0/16"), seedVpc("b", "10.2.0.0/16")))),
                List.of(new SeedWorld.Peering("a", "c", true)));
        assertThatThrownBy(() -> new SeedLoader(sim).load(unknownPeer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a → c").hasMessageContaining("does not create");

        SeedWorld twice = new SeedWorld(List.of(
                new SeedWorld.Account("111111111111", "Acme", List.of(seedVpc("a", "10.1.0.0/16"))),
                new SeedWorld.Account("222222222222", "Globex", List.of(seedVpc("a", "10.2.0.0/16")))),
                List.of());
        assertThatThrownBy(() -> new SeedLoader(sim).load(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a' is used twice");

        SeedWorld badAccount = new SeedWorld(List.of(
                new SeedWorld.Account("111111111111", "Acme", List.of(seedVpc("a", "10.1.0.0/16"))),
                new SeedWorld.Account("globex", "Globex", List.of(seedVpc("b", "10.2.0.0/16")))), List.of());
        assertThatThrownBy(() -> new SeedLoader(sim).load(badAccount)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'globex' must be 12 digits");

        assertThat(sim.<Integer>read(c -> c.allVpcs().size())).as("nothing was created").isZero();
    }

    @Test
    void aSeedReportsHowManyVpcsItCreatedAndPeersThemByName() throws Exception {
        Simulator sim = openSim(durable(tmp.resolve("data")));
        SeedWorld world = new SeedWorld(List.of(
                new SeedWorld.Account("111111111111", "Acme", List.of(seedVpc("a", "10.1.0.0/16"),
                        seedVpc(null, "10.9.0.0/16"), seedVpc(null, "10.8.0.0/16"))),
                new SeedWorld.Account("222222222222", "Globex", List.of(seedVpc("b", "10.2.0.0/16")))),
                List.of(new SeedWorld.Peering("a", "b", true)));
        assertThat(new SeedLoader(sim).load(world)).isEqualTo(4);
        assertThat(sim.<Integer>read(c -> c.allVpcs().size())).isEqualTo(4);
        assertThat(states(sim, GLOBEX_EAST)).hasSize(1).containsValue("active");
    }

    // ---- the demo world ----

    @Test
    void theDemoWorldHasSevenVpcsOverThreeAccountsAndTwoRegionsWithItsOverlappingAndCrossRegionPairs()
            throws Exception {
        Simulator sim = openSim(durable(tmp.resolve("data")));
        Counting ec2 = new Counting(sim);
        seedDemo(ec2);

        assertThat(sim.<Integer>read(c -> c.allVpcs().size())).isEqualTo(7);
        assertThat(sim.<Set<String>>read(c -> c.allVpcs().stream().map(Vpc::ownerId).collect(Collectors.toSet())))
                .containsExactlyInAnyOrder("111111111111", "222222222222", "333333333333");
        assertThat(sim.<Set<String>>read(c -> c.allVpcs().stream().map(Vpc::region).collect(Collectors.toSet())))
                .containsExactlyInAnyOrder("us-east-1", "eu-west-1");
        Map<String, Integer> perCaller = new LinkedHashMap<>();
        for (Caller caller : DEMO_CALLERS) {
            perCaller.put(caller.accountId() + "/" + caller.region(),
                    elements(ok(sim, caller, "DescribeVpcs"), "vpcId").size());
        }
        assertThat(perCaller).containsExactly(Map.entry("111111111111/us-east-1", 2),
                Map.entry("111111111111/eu-west-1", 1), Map.entry("222222222222/us-east-1", 1),
                Map.entry("222222222222/eu-west-1", 1), Map.entry("333333333333/us-east-1", 2),
                Map.entry("333333333333/eu-west-1", 0));
        Map<String, String> vpc = vpcIdsByName(sim);
        assertThat(vpc.keySet()).containsExactlyInAnyOrder("acme-prod", "acme-dev", "acme-eu", "globex-core",
                "globex-eu", "initech-main", "initech-legacy");

        // the overlapping pair: 10.30.0.0/16 on both sides
        String failed = ok(sim, ACME_EAST, "CreateVpcPeeringConnection", "VpcId", vpc.get("acme-dev"),
                "PeerVpcId", vpc.get("initech-legacy"), "PeerOwnerId", "333333333333");
        assertThat(element(failed, "code")).isEqualTo("failed");
        assertThat(element(failed, "message")).contains("10.30.0.0/16");
        assertThat(states(sim, ACME_EAST)).containsEntry(element(failed, "vpcPeeringConnectionId"), "failed");

        // the cross-region pair
        String pcx = element(ok(sim, ACME_EAST, "CreateVpcPeeringConnection", "VpcId", vpc.get("acme-prod"),
                "PeerVpcId", vpc.get("globex-eu"), "PeerOwnerId", "222222222222", "PeerRegion", "eu-west-1"),
                "vpcPeeringConnectionId");
        assertThat(states(sim, ACME_EAST)).containsEntry(pcx, "pending-acceptance");
        assertThat(states(sim, GLOBEX_EU)).containsEntry(pcx, "pending-acceptance");
        assertThat(states(sim, GLOBEX_EAST)).doesNotContainKey(pcx);
        // in us-east-1 it cannot be accepted: the accepter's account does not see it there, and the requester may not
        Ec2Reply accepterInWrongRegion = sim.handle(GLOBEX_EAST, "AcceptVpcPeeringConnection",
                params("VpcPeeringConnectionId", pcx));
        assertThat(accepterInWrongRegion.status()).isEqualTo(400);
        assertThat(code(accepterInWrongRegion)).isEqualTo("InvalidVpcPeeringConnectionID.NotFound");
        Ec2Reply byRequester = sim.handle(ACME_EAST, "AcceptVpcPeeringConnection",
                params("VpcPeeringConnectionId", pcx));
        assertThat(byRequester.status()).isEqualTo(400);
        assertThat(code(byRequester)).isEqualTo("OperationNotPermitted");
        String accepted = ok(sim, GLOBEX_EU, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
        assertThat(element(accepted, "vpcPeeringConnectionId")).isEqualTo(pcx);
        assertThat(states(sim, ACME_EAST)).containsEntry(pcx, "active");
        assertThat(states(sim, GLOBEX_EU)).containsEntry(pcx, "active");

        // one account's own cross-region pair: accepting in the requester's region names the right one
        String own = element(ok(sim, ACME_EAST, "CreateVpcPeeringConnection", "VpcId", vpc.get("acme-prod"),
                "PeerVpcId", vpc.get("acme-eu"), "PeerRegion", "eu-west-1"), "vpcPeeringConnectionId");
        Ec2Reply ownWrongRegion = sim.handle(ACME_EAST, "AcceptVpcPeeringConnection",
                params("VpcPeeringConnectionId", own));
        assertThat(ownWrongRegion.status()).isEqualTo(400);
        assertThat(code(ownWrongRegion)).isEqualTo("OperationNotPermitted");
        assertThat(element(ownWrongRegion.xml(), "Message")).contains("Incorrect region (us-east-1)")
                .contains("must be accepted in region eu-west-1");
        ok(sim, ACME_EU, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", own);
        assertThat(states(sim, ACME_EAST)).containsEntry(own, "active");

        // the candidate pair of the same region has no peering yet
        assertThat(sim.<Set<String>>read(c -> c.vpc(vpc.get("globex-core")).peeringIds())).isEmpty();
    }
}

package io.peerdesk.sim;

import io.peerdesk.sim.api.Ec2Service.Ec2Reply;
import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.NetworkAcl;
import io.peerdesk.sim.cloud.RouteTable;
import io.peerdesk.sim.cloud.SecurityGroup;
import io.peerdesk.sim.cloud.Route;
import io.peerdesk.sim.cloud.Vpc;
import io.peerdesk.sim.journal.SyncMode;
import io.peerdesk.sim.net.Cidr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static io.peerdesk.sim.SimTestKit.ACME_EAST;
import static io.peerdesk.sim.SimTestKit.GLOBEX_EAST;
import static io.peerdesk.sim.SimTestKit.children;
import static io.peerdesk.sim.SimTestKit.element;
import static io.peerdesk.sim.SimTestKit.items;
import static io.peerdesk.sim.SimTestKit.ok;
import static io.peerdesk.sim.SimTestKit.params;
import static io.peerdesk.sim.SimTestKit.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's concurrency promises: mutating requests are serialised (of simultaneous
 * conflicting requests exactly one wins), readers never see a half-applied change, and
 * concurrent writers on a durable simulator all get distinct ids that survive a restart.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatorConcurrencyTests {

    private static final int ROUNDS = 200;

    @TempDir
    Path tmp;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private Simulator inMemory() throws Exception {
        Simulator sim = Simulator.open(Simulator.Options.inMemory());
        toClose.add(sim);
        return sim;
    }

    private ExecutorService pool(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        toClose.add(() -> {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        });
        return pool;
    }

    /** Two VPCs in two accounts, ready to be peered again and again. */
    private record Pair(String requesterVpc, String accepterVpc) {
    }

    private static Pair crossAccountPair(Simulator sim) {
        String a = element(ok(sim, ACME_EAST, "CreateVpc", "CidrBlock", "10.1.0.0/16"), "vpcId");
        String b = element(ok(sim, GLOBEX_EAST, "CreateVpc", "CidrBlock", "10.2.0.0/16"), "vpcId");
        return new Pair(a, b);
    }

    private static String requestPeering(Simulator sim, Pair pair) {
        String xml = ok(sim, ACME_EAST, "CreateVpcPeeringConnection", "VpcId", pair.requesterVpc(),
                "PeerVpcId", pair.accepterVpc(), "PeerOwnerId", GLOBEX_EAST.accountId());
        assertThat(element(xml, "code")).isEqualTo("initiating-request");
        return element(xml, "vpcPeeringConnectionId");
    }

    private static String peeringState(Simulator sim, Caller caller, String pcx) {
        return element(ok(sim, caller, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx), "code");
    }

    /** Runs {@code tasks} so that they all start at the same moment, and returns their replies in order. */
    private static List<Ec2Reply> simultaneously(ExecutorService pool, List<Callable<Ec2Reply>> tasks)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<Future<Ec2Reply>> futures = new ArrayList<>();
        for (Callable<Ec2Reply> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<Ec2Reply> replies = new ArrayList<>();
        for (Future<Ec2Reply> f : futures) {
            replies.add(f.get(20, TimeUnit.SECONDS));
        }
        return replies;
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 8})
    void ofSimultaneousAcceptsOfOnePendingPeeringExactlyOneSucceeds(int threads) throws Exception {
        Simulator sim = inMemory();
        ExecutorService pool = pool(threads);
        Pair pair = crossAccountPair(sim);
        Set<String> peerings = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            String pcx = requestPeering(sim, pair);
            assertThat(peerings.add(pcx)).as("a fresh peering in round %d", round).isTrue();
            List<Callable<Ec2Reply>> accepts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                accepts.add(() -> sim.handle(GLOBEX_EAST, "AcceptVpcPeeringConnection",
                        params("VpcPeeringConnectionId", pcx)));
            }
            List<Ec2Reply> replies = simultaneously(pool, accepts);

            List<Ec2Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
            assertThat(won).as("round %d: %s", round, replies).hasSize(1);
            assertThat(element(won.get(0).xml(), "code")).isIn("provisioning", "active");
            assertThat(replies.stream().filter(r -> r.status() != 200).map(SimTestKit::code))
                    .as("round %d", round).hasSize(threads - 1).containsOnly("InvalidStateTransition");
            assertThat(replies.stream().filter(r -> r.status() != 200).map(Ec2Reply::status)).containsOnly(400);
            assertThat(peeringState(sim, GLOBEX_EAST, pcx)).isEqualTo("active");

            ok(sim, ACME_EAST, "DeleteVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
            assertThat(peeringState(sim, ACME_EAST, pcx)).isEqualTo("deleted");
        }
    }

    @Test
    void ofSimultaneousAcceptsAndRejectsExactlyOneDecidesThePeering() throws Exception {
        int threads = 6;
        Simulator sim = inMemory();
        ExecutorService pool = pool(threads);
        Pair pair = crossAccountPair(sim);
        Map<String, Integer> winners = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            String pcx = requestPeering(sim, pair);
            List<Callable<Ec2Reply>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String action = t % 2 == 0 ? "AcceptVpcPeeringConnection" : "RejectVpcPeeringConnection";
                tasks.add(() -> {
                    Ec2Reply r = sim.handle(GLOBEX_EAST, action, params("VpcPeeringConnectionId", pcx));
                    return new Ec2Reply(r.status(), action + " " + r.xml());
                });
            }
            List<Ec2Reply> replies = simultaneously(pool, tasks);
            List<Ec2Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
            assertThat(won).as("round %d: %s", round, replies).hasSize(1);
            assertThat(replies.stream().filter(r -> r.status() != 200).map(SimTestKit::code))
                    .containsOnly("InvalidStateTransition");
            boolean accepted = won.get(0).xml().startsWith("AcceptVpcPeeringConnection");
            winners.merge(accepted ? "accept" : "reject", 1, Integer::sum);
            assertThat(peeringState(sim, ACME_EAST, pcx)).isEqualTo(accepted ? "active" : "rejected");
            if (accepted) {
                ok(sim, GLOBEX_EAST, "DeleteVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
            }
        }
        assertThat(winners.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROUNDS);
    }

    // ---- readers never see a half-applied change ----

    /**
     * One writer keeps making changes that touch several objects at once (CreateVpc: VPC, main
     * route table, default security group, default network ACL; AssociateVpcCidrBlock: a block
     * and a local route in every route table of the VPC; DeleteVpc: all of them again) while
     * readers check, each within one consistent read, invariants that a torn state breaks.
     */
    @Test
    void readersNeverSeeAHalfAppliedChange() throws Exception {
        Simulator sim = inMemory();
        int readers = 4;
        ExecutorService pool = pool(readers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicLong reads = new AtomicLong();
        AtomicLong vpcsSeen = new AtomicLong();
        CountDownLatch started = new CountDownLatch(readers);

        Future<Integer> writer = pool.submit(() -> {
            try {
                started.await();
                return writeLoop(sim, 250);
            } finally {
                writing.set(false);
            }
        });
        List<Future<?>> readerTasks = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            boolean viaApi = r % 2 == 1;
            readerTasks.add(pool.submit(() -> {
                started.countDown();
                while (writing.get()) {
                    try {
                        List<String> found = viaApi ? checkThroughApi(sim) : sim.read(SimulatorConcurrencyTests::check);
                        violations.addAll(found);
                        vpcsSeen.addAndGet(sim.read(c -> c.allVpcs().size()));
                    } catch (RuntimeException e) {
                        violations.add("reader failed: " + e);
                    }
                    reads.incrementAndGet();
                    if (violations.size() > 20) {
                        return null;
                    }
                }
                return null;
            }));
        }
        int commands = writer.get(50, TimeUnit.SECONDS);
        for (Future<?> f : readerTasks) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(violations).isEmpty();
        assertThat(commands).isGreaterThan(1000);
        assertThat(reads.get()).as("reads done while the writer ran").isGreaterThan(50);
        assertThat(vpcsSeen.get()).isPositive();
        assertThat(sim.read(SimulatorConcurrencyTests::check)).isEmpty();
    }

    /** Returns the number of accepted commands. */
    private static int writeLoop(Simulator sim, int vpcs) {
        int commands = 0;
        Deque<String[]> alive = new ArrayDeque<>();
        for (int i = 0; i < vpcs; i++) {
            Map<String, String> p = params("CidrBlock", "10." + (i % 256) + ".0.0/16");
            if (i % 3 == 0) {
                p.put("AmazonProvidedIpv6CidrBlock", "true");
            }
            String vpc = element(okWith(sim, ACME_EAST, "CreateVpc", p), "vpcId");
            String rtb1 = element(ok(sim, ACME_EAST, "CreateRouteTable", "VpcId", vpc), "routeTableId");
            String rtb2 = element(ok(sim, ACME_EAST, "CreateRouteTable", "VpcId", vpc), "routeTableId");
            commands += 3;
            for (int k = 1; k <= 4; k++) {
                ok(sim, ACME_EAST, "AssociateVpcCidrBlock", "VpcId", vpc, "CidrBlock", "100.64." + k + ".0/24");
                commands++;
            }
            if (i % 3 == 1) {
                ok(sim, ACME_EAST, "AssociateVpcCidrBlock", "VpcId", vpc, "AmazonProvidedIpv6CidrBlock", "true");
                commands++;
            }
            alive.add(new String[] {vpc, rtb1, rtb2});
            if (alive.size() > 12) {
                String[] old = alive.poll();
                ok(sim, ACME_EAST, "DeleteRouteTable", "RouteTableId", old[1]);
                ok(sim, ACME_EAST, "DeleteRouteTable", "RouteTableId", old[2]);
                ok(sim, ACME_EAST, "DeleteVpc", "VpcId", old[0]);
                commands += 3;
            }
        }
        return commands;
    }

    private static String okWith(Simulator sim, Caller caller, String action, Map<String, String> p) {
        Ec2Reply reply = sim.handle(caller, action, p);
        assertThat(reply.status()).as("%s: %s", action, reply.xml()).isEqualTo(200);
        return reply.xml();
    }

    /** Invariants of one consistent view of the cloud; each broken one is described. */
    private static List<String> check(Cloud cloud) {
        List<String> broken = new ArrayList<>();
        for (Vpc vpc : cloud.allVpcs()) {
            RouteTable main = cloud.routeTable(vpc.mainRouteTableId());
            if (main == null || !main.isMain() || !main.vpcId().equals(vpc.id())) {
                broken.add(vpc.id() + " without its main route table " + vpc.mainRouteTableId());
            }
            SecurityGroup sg = cloud.securityGroup(vpc.defaultSecurityGroupId());
            if (sg == null) {
                broken.add(vpc.id() + " without its default security group " + vpc.defaultSecurityGroupId());
            }
            NetworkAcl acl = cloud.networkAcl(vpc.defaultNetworkAclId());
            if (acl == null) {
                broken.add(vpc.id() + " without its default network ACL " + vpc.defaultNetworkAclId());
            }
            Set<Cidr> blocks = new HashSet<>(vpc.allCidrs());
            for (String rtbId : vpc.routeTableIds()) {
                RouteTable rt = cloud.routeTable(rtbId);
                if (rt == null) {
                    broken.add(vpc.id() + " lists a route table that does not exist: " + rtbId);
                    continue;
                }
                Set<Cidr> local = rt.routes().stream().filter(Route::isLocal).map(Route::destination)
                        .collect(Collectors.toSet());
                if (!local.equals(blocks)) {
                    broken.add(rtbId + " of " + vpc.id() + " has local routes " + local + " for blocks " + blocks);
                }
            }
        }
        for (RouteTable rt : cloud.allRouteTables()) {
            if (cloud.vpc(rt.vpcId()) == null) {
                broken.add(rt.id() + " outlives its VPC " + rt.vpcId());
            }
        }
        for (SecurityGroup sg : cloud.allSecurityGroups()) {
            if (cloud.vpc(sg.vpcId()) == null) {
                broken.add(sg.id() + " outlives its VPC " + sg.vpcId());
            }
        }
        return broken;
    }

    /**
     * The same through the API, within one reply each: all route tables of a VPC have the same
     * local routes and exactly one is main; every VPC in DescribeVpcs has a block set that the
     * route tables of a later DescribeRouteTables cover (blocks are only ever added, and a VPC
     * only disappears as a whole).
     */
    private static List<String> checkThroughApi(Simulator sim) {
        List<String> broken = new ArrayList<>();
        Map<String, Set<String>> vpcBlocks = new HashMap<>();
        for (Element vpc : items(ok(sim, ACME_EAST, "DescribeVpcs"), "vpcSet")) {
            Set<String> blocks = new TreeSet<>();
            for (Element b : children(SimTestKit.child(vpc, "cidrBlockAssociationSet"), "item")) {
                blocks.add(text(b, "cidrBlock"));
            }
            for (Element b : children(SimTestKit.child(vpc, "ipv6CidrBlockAssociationSet"), "item")) {
                blocks.add(text(b, "ipv6CidrBlock"));
            }
            vpcBlocks.put(text(vpc, "vpcId"), blocks);
        }
        Map<String, Set<Set<String>>> localRoutesByVpc = new HashMap<>();
        Map<String, Integer> mains = new HashMap<>();
        for (Element rt : items(ok(sim, ACME_EAST, "DescribeRouteTables"), "routeTableSet")) {
            String vpcId = text(rt, "vpcId");
            Set<String> local = new TreeSet<>();
            for (Element route : children(SimTestKit.child(rt, "routeSet"), "item")) {
                if ("local".equals(text(route, "gatewayId"))) {
                    String v4 = text(route, "destinationCidrBlock");
                    local.add(v4 != null ? v4 : text(route, "destinationIpv6CidrBlock"));
                }
            }
            localRoutesByVpc.computeIfAbsent(vpcId, k -> new HashSet<>()).add(local);
            for (Element a : children(SimTestKit.child(rt, "associationSet"), "item")) {
                if ("true".equals(text(a, "main"))) {
                    mains.merge(vpcId, 1, Integer::sum);
                }
            }
        }
        localRoutesByVpc.forEach((vpcId, sets) -> {
            if (sets.size() != 1) {
                broken.add("route tables of " + vpcId + " disagree on local routes: " + sets);
            }
            if (mains.getOrDefault(vpcId, 0) != 1) {
                broken.add(vpcId + " has " + mains.getOrDefault(vpcId, 0) + " main route tables");
            }
            Set<String> blocks = vpcBlocks.get(vpcId);
            if (blocks != null && !sets.iterator().next().containsAll(blocks)) {
                broken.add("route tables of " + vpcId + " lack local routes for " + blocks);
            }
        });
        return broken;
    }

    // ---- readers do not write ----

    private static final List<String> READ_ACTIONS = List.of("DescribeVpcs", "DescribeSubnets",
            "DescribeRouteTables", "DescribeSecurityGroups", "DescribeSecurityGroupRules", "DescribeNetworkAcls",
            "DescribeInternetGateways", "DescribeVpcPeeringConnections", "DescribeNetworkInsightsPaths",
            "DescribeNetworkInsightsAnalyses", "DescribeRegions", "DescribeAvailabilityZones");

    /** A world with peerings in several states, tagged on one side only. */
    private static Simulator worldWithPeerings(Simulator sim) {
        Pair pair = crossAccountPair(sim);
        String pending = requestPeering(sim, pair);
        ok(sim, ACME_EAST, "CreateTags", "ResourceId.1", pending, "Tag.1.Key", "Name", "Tag.1.Value", "acme-side");
        String other = element(ok(sim, GLOBEX_EAST, "CreateVpc", "CidrBlock", "10.3.0.0/16"), "vpcId");
        String active = element(ok(sim, ACME_EAST, "CreateVpcPeeringConnection", "VpcId", pair.requesterVpc(),
                "PeerVpcId", other, "PeerOwnerId", GLOBEX_EAST.accountId()), "vpcPeeringConnectionId");
        ok(sim, GLOBEX_EAST, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", active);
        return sim;
    }

    @Test
    void readRequestsChangeNothing() throws Exception {
        Simulator sim = worldWithPeerings(inMemory());
        byte[] before = SimTestKit.fingerprint(sim);
        for (Caller caller : SimTestKit.DEMO_CALLERS) {
            for (String action : READ_ACTIONS) {
                assertThat(sim.handle(caller, action, Map.of()).status()).as(action).isEqualTo(200);
            }
        }
        assertThat(SimTestKit.difference(before, SimTestKit.fingerprint(sim))).isNull();
    }

    /**
     * DescribeTags runs as a reader, under the shared read lock. Resolving a peering connection's
     * tags must not add an (empty) tag set for the caller's side: concurrent readers would then
     * write one map, and what a snapshot saves would depend on which reads happened (a replayed
     * journal lacks the entry).
     */
    @Test
    void describeTagsChangesNothing() throws Exception {
        Simulator sim = worldWithPeerings(inMemory());
        byte[] before = SimTestKit.fingerprint(sim);
        for (Caller caller : SimTestKit.DEMO_CALLERS) {
            assertThat(sim.handle(caller, "DescribeTags", Map.of()).status()).isEqualTo(200);
        }
        assertThat(SimTestKit.difference(before, SimTestKit.fingerprint(sim))).isNull();
    }

    // ---- durable writers ----

    @Test
    void concurrentCreateVpcOnADurableSimulatorGivesDistinctIdsThatSurviveARestart() throws Exception {
        int threads = 8;
        int perThread = 25;
        Path dataDir = tmp.resolve("data");
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<String> all = new CopyOnWriteArrayList<>();
        byte[] state;
        try (Simulator sim = Simulator.open(Simulator.Options.durable(dataDir).withSyncMode(SyncMode.FSYNC))) {
            ExecutorService pool = pool(threads);
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Caller caller = t % 2 == 0 ? ACME_EAST : GLOBEX_EAST;
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String xml = ok(sim, caller, "CreateVpc", "CidrBlock", "10." + thread + "." + i * 8 + ".0/21");
                        String id = element(xml, "vpcId");
                        all.add(id);
                        ids.add(id);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(50, TimeUnit.SECONDS);
            }
            assertThat(all).hasSize(threads * perThread);
            assertThat(ids).as("distinct ids").hasSize(threads * perThread);
            assertThat(sim.<Integer>read(c -> c.allVpcs().size())).isEqualTo(threads * perThread);
            // every acknowledged change is in the journal: a crash now loses nothing
            SimTestKit.crashImage(dataDir, tmp.resolve("crash"));
            state = SimTestKit.fingerprint(sim);
        }

        try (Simulator reopened = Simulator.open(Simulator.Options.durable(dataDir))) {
            assertThat(visibleVpcIds(reopened)).isEqualTo(ids);
            assertThat(reopened.recovery().snapshotSeq()).isEqualTo(threads * perThread);
        }
        try (Simulator crashed = Simulator.open(Simulator.Options.durable(tmp.resolve("crash")))) {
            assertThat(crashed.recovery().snapshotSeq()).isZero();
            assertThat(crashed.recovery().replayed()).isEqualTo(threads * perThread);
            assertThat(visibleVpcIds(crashed)).isEqualTo(ids);
            assertThat(Arrays.equals(SimTestKit.fingerprint(crashed), state)).as("same state after replay").isTrue();
        }
    }

    private static Set<String> visibleVpcIds(Simulator sim) {
        Set<String> out = new HashSet<>();
        for (Caller c : List.of(ACME_EAST, GLOBEX_EAST)) {
            out.addAll(SimTestKit.elements(ok(sim, c, "DescribeVpcs"), "vpcId"));
        }
        return out;
    }
}

package io.peerdesk.sim.bench;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.CloudConfig;
import io.peerdesk.sim.cloud.NetworkAcl;
import io.peerdesk.sim.cloud.NetworkAcls;
import io.peerdesk.sim.cloud.PeeringConnection;
import io.peerdesk.sim.cloud.PeeringState;
import io.peerdesk.sim.cloud.Route;
import io.peerdesk.sim.cloud.RouteTable;
import io.peerdesk.sim.cloud.Routing;
import io.peerdesk.sim.cloud.SecurityGroup;
import io.peerdesk.sim.cloud.SecurityGroupRule;
import io.peerdesk.sim.cloud.SecurityGroups;
import io.peerdesk.sim.cloud.Subnet;
import io.peerdesk.sim.cloud.Vpc;
import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.IpAddress;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds a large, deterministic simulated cloud for performance work, entirely through the
 * cloud's public Java API (the same checks and quotas a real request goes through), at one fixed
 * instant {@link #NOW}.
 *
 * <h2>The default world ({@link Config#DEFAULT})</h2>
 * <ul>
 *   <li><b>10,000 VPCs</b> over 100 accounts and 2 Regions ({@code us-east-1}, {@code eu-west-1}):
 *       VPC {@code i} belongs to account {@code i % 100}, Region {@code (i / 100) % 2}. Primary
 *       blocks are consecutive /22s out of 10.0.0.0/8 ({@code 10.0.0.0/22}, {@code 10.0.4.0/22}, …),
 *       so no two VPCs overlap and every peering can become active. Every 20th VPC also has a
 *       secondary /23 out of 100.64.0.0/10.</li>
 *   <li>Per VPC: 2 subnets (the first two /24s of the primary block), plus a third in the secondary
 *       block where there is one; the main route table (subnets 0 and 2) and a custom route table
 *       (explicitly associated with subnet 1); the default security group plus {@code web} and
 *       {@code db} groups with CIDR and group-reference rules; the default network ACL, and for
 *       every 10th VPC a custom ACL with allow/deny rules on subnet 1.</li>
 *   <li><b>5,000 active peerings</b>, each created by the requester's owner and accepted by the
 *       accepter's owner in the accepter's Region: 70% same account and Region, 20% cross-account in
 *       one Region, 10% inter-Region. No VPC has more than {@link Config#maxPeeringsPerVpc} (4).</li>
 *   <li>Routes on both sides of every peering, in both route tables: the peer's VPC blocks, each
 *       peer subnet (/24) and each half of it (/25), all to the peering connection. Every 10th VPC
 *       also gets one "transitive" route in its main table: to the block of a peer's peer, through
 *       that peer (AWS accepts the route; traffic on it goes nowhere).</li>
 *   <li>Security-group rules: base rules per group (own VPC, admin range, same-VPC group
 *       references) and, per peering, rules for the peer's blocks and subnets, plus references to
 *       the peer's {@code web} group for same-Region peerings.</li>
 * </ul>
 *
 * <p>The generator keeps an index of what it built ({@link World}) so that {@link QueryMix} can
 * write queries with a known answer. Run {@code main} to build the default world and print the
 * counts (by walking the cloud, not the generator's own book-keeping):
 * <pre>
 * java -cp "sim-engine/target/test-classes:sim-engine/target/classes:$(cat cp.txt)" io.peerdesk.sim.bench.WorldGenerator
 * </pre>
 * Not a unit test: nothing here runs under Surefire or Failsafe.
 */
public final class WorldGenerator {

    /** The single instant every operation (and every analysis of this world) happens at. */
    public static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

    /** Regions of the default world. */
    public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    /** Ports the base and per-peering rules open; {@link QueryMix} relies on them. */
    static final int HTTPS = 443;
    static final int ALT_HTTP = 8080;
    static final int GROUP_PORT = 8443;
    static final int POSTGRES = 5432;
    static final int SSH = 22;
    /** A port no rule of any group opens. */
    static final int CLOSED_PORT = 3306;

    private static final int V4_PRIMARY_BASE = (int) IpAddress.parse("10.0.0.0").lo();
    private static final int V4_SECONDARY_BASE = (int) IpAddress.parse("100.64.0.0").lo();

    /**
     * What to build.
     *
     * @param vpcs               number of VPCs (at most 16,384: /22s of 10.0.0.0/8)
     * @param accounts           number of accounts the VPCs are dealt to
     * @param regions            Regions the VPCs are dealt to, in blocks of {@code accounts}
     * @param peerings           active peerings to create
     * @param maxPeeringsPerVpc  cap on peerings per VPC (AWS quota: 50 active)
     * @param secondaryEvery     every n-th VPC gets a secondary /23 block and a subnet in it
     * @param customAclEvery     every n-th VPC gets a custom network ACL on subnet 1
     * @param transitEvery       every n-th VPC gets a route to a peer's peer through the peer
     * @param seed               seed of every random choice
     */
    public record Config(int vpcs, int accounts, List<String> regions, int peerings, int maxPeeringsPerVpc,
                         int secondaryEvery, int customAclEvery, int transitEvery, long seed) {

        public static final Config DEFAULT = new Config(10_000, 100, REGIONS, 5_000, 4, 20, 10, 10, 42L);

        public Config {
            if (vpcs < 2 || vpcs > 16_384) {
                throw new IllegalArgumentException("vpcs must be 2..16384 (/22s of 10.0.0.0/8)");
            }
            if (maxPeeringsPerVpc < 1 || maxPeeringsPerVpc > 5) {
                throw new IllegalArgumentException("maxPeeringsPerVpc must be 1..5 (route quota of 50 per table)");
            }
            if ((long) peerings * 2 > (long) vpcs * maxPeeringsPerVpc * 9 / 10) {
                throw new IllegalArgumentException("too many peerings for " + vpcs + " VPCs at "
                        + maxPeeringsPerVpc + " each");
            }
            regions = List.copyOf(regions);
        }

        /** A smaller world of the same shape (for quick checks). */
        public Config scaled(int vpcCount, int peeringCount) {
            return new Config(vpcCount, accounts, regions, peeringCount, maxPeeringsPerVpc, secondaryEvery,
                    customAclEvery, transitEvery, seed);
        }
    }

    /** What the generator built for one VPC (indexes into the cloud, for writing queries). */
    public static final class VpcNode {
        public final int index;
        public final Caller owner;
        public final Vpc vpc;
        public final List<Subnet> subnets = new ArrayList<>(3);
        public RouteTable mainTable;
        public RouteTable customTable;
        public SecurityGroup web;
        public SecurityGroup db;
        public NetworkAcl customAcl;
        /** Peerings this VPC takes part in, in creation order. */
        public final List<Link> links = new ArrayList<>(4);
        /** The one transitive route of this VPC's main table, if any. */
        public Transit transit;

        VpcNode(int index, Caller owner, Vpc vpc) {
            this.index = index;
            this.owner = owner;
            this.vpc = vpc;
        }

        public String region() {
            return vpc.region();
        }

        public boolean peeredWith(VpcNode other) {
            for (Link l : links) {
                if (l.peer == other) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One side's view of a peering: the peer and the connection. */
    public record Link(VpcNode peer, PeeringConnection connection, Kind kind) {
    }

    /** A route in {@code from}'s main table to {@code target}'s primary block through {@code via}. */
    public record Transit(VpcNode from, VpcNode via, VpcNode target, PeeringConnection connection) {
    }

    public enum Kind { SAME_ACCOUNT, CROSS_ACCOUNT, INTER_REGION }

    /** The built cloud and the generator's index of it. */
    public static final class World {
        public final Cloud cloud;
        public final Config config;
        public final VpcNode[] vpcs;
        public final List<Transit> transits;
        public final long buildNanos;

        World(Cloud cloud, Config config, VpcNode[] vpcs, List<Transit> transits, long buildNanos) {
            this.cloud = cloud;
            this.config = config;
            this.vpcs = vpcs;
            this.transits = transits;
            this.buildNanos = buildNanos;
        }

        /** Counts taken from the cloud itself. */
        public Counts counts() {
            return Counts.of(cloud);
        }
    }

    private final Config config;
    private final Cloud cloud;
    private final Random random;
    private final VpcNode[] nodes;
    private final Set<Long> peered = new HashSet<>();
    private final List<Transit> transits = new ArrayList<>();

    private WorldGenerator(Config config) {
        this.config = config;
        this.cloud = new Cloud(CloudConfig.AWS_DEFAULTS, config.seed());
        this.random = new Random(config.seed());
        this.nodes = new VpcNode[config.vpcs()];
    }

    /** Builds the default world. */
    public static World build() {
        return build(Config.DEFAULT);
    }

    public static World build(Config config) {
        long start = System.nanoTime();
        WorldGenerator g = new WorldGenerator(config);
        g.buildVpcs();
        g.buildPeerings();
        g.buildTransitRoutes();
        long took = System.nanoTime() - start;
        return new World(g.cloud, config, g.nodes, List.copyOf(g.transits), took);
    }

    // ---- VPCs and what is inside them ----

    private void buildVpcs() {
        for (int i = 0; i < config.vpcs(); i++) {
            int account = i % config.accounts();
            String region = config.regions().get((i / config.accounts()) % config.regions().size());
            Caller owner = new Caller(accountId(account), region);
            Vpc vpc = cloud.vpcs().createVpc(owner, ipv4(V4_PRIMARY_BASE + (i << 10)) + "/22", false, null,
                    Map.of("Name", "bench-" + i));
            VpcNode n = new VpcNode(i, owner, vpc);
            nodes[i] = n;
            n.mainTable = cloud.routeTable(vpc.mainRouteTableId());
            Cidr secondary = null;
            if (i % config.secondaryEvery() == 0) {
                int k = i / config.secondaryEvery();
                secondary = cloud.vpcs().associateCidrBlock(owner, vpc.id(),
                        ipv4(V4_SECONDARY_BASE + (k << 9)) + "/23", false, NOW).cidr();
            }
            int base = V4_PRIMARY_BASE + (i << 10);
            n.subnets.add(cloud.vpcs().createSubnet(owner, vpc.id(), ipv4(base) + "/24", null, null, Map.of()));
            n.subnets.add(cloud.vpcs().createSubnet(owner, vpc.id(), ipv4(base + 256) + "/24", null, null, Map.of()));
            if (secondary != null) {
                n.subnets.add(cloud.vpcs().createSubnet(owner, vpc.id(), secondary.network() + "/24", null, null,
                        Map.of()));
            }
            n.customTable = cloud.routing().createRouteTable(owner, vpc.id(), Map.of("Name", "private-" + i));
            cloud.routing().associate(owner, n.customTable.id(), n.subnets.get(1).id());

            n.web = cloud.securityGroups().create(owner, vpc.id(), "web", "web tier", Map.of());
            n.db = cloud.securityGroups().create(owner, vpc.id(), "db", "database tier", Map.of());
            List<SecurityGroups.Permission> web = new ArrayList<>();
            for (Vpc.CidrBlock b : vpc.ipv4Blocks()) {
                web.add(cidrs(HTTPS, HTTPS, b.cidr().toString()));
                web.add(cidrs(80, 80, b.cidr().toString()));
            }
            web.add(cidrs(SSH, SSH, "10.255.0.0/16", "192.168.0.0/16"));
            web.add(group(ALT_HTTP, ALT_HTTP, n.web));
            authorize(n, n.web, web);
            authorize(n, n.db, List.of(group(POSTGRES, POSTGRES, n.web), group(6379, 6379, n.web),
                    cidrs(POSTGRES, POSTGRES, vpc.primaryCidr().toString())));

            if (i % config.customAclEvery() == 0) {
                n.customAcl = customAcl(n, n.subnets.get(1));
            }
        }
    }

    /**
     * A custom ACL: HTTPS, 8000-8999 and PostgreSQL in from private ranges, SSH denied, replies in on
     * the ephemeral ports; out: ephemeral ports and HTTPS, SMTP denied.
     */
    private NetworkAcl customAcl(VpcNode n, Subnet subnet) {
        NetworkAcl acl = cloud.networkAcls().create(n.owner, n.vpc.id(), Map.of("Name", "restricted"));
        String association = cloud.networkAclOf(subnet).associations().stream()
                .filter(a -> a.subnetId().equals(subnet.id())).findFirst().orElseThrow().associationId();
        cloud.networkAcls().replaceAssociation(n.owner, association, acl.id());
        aclEntry(n, acl, 100, false, "allow", "10.0.0.0/8", HTTPS, HTTPS);
        aclEntry(n, acl, 105, false, "allow", "100.64.0.0/10", HTTPS, HTTPS);
        aclEntry(n, acl, 110, false, "deny", "0.0.0.0/0", SSH, SSH);
        aclEntry(n, acl, 120, false, "allow", "10.0.0.0/8", 8000, 8999);
        aclEntry(n, acl, 125, false, "allow", "100.64.0.0/10", 8000, 8999);
        aclEntry(n, acl, 130, false, "allow", "10.0.0.0/8", POSTGRES, POSTGRES);
        aclEntry(n, acl, 135, false, "allow", "100.64.0.0/10", POSTGRES, POSTGRES);
        aclEntry(n, acl, 140, false, "allow", "0.0.0.0/0", 1024, 65535);
        aclEntry(n, acl, 90, true, "deny", "0.0.0.0/0", 25, 25);
        aclEntry(n, acl, 100, true, "allow", "0.0.0.0/0", 1024, 65535);
        aclEntry(n, acl, 110, true, "allow", "0.0.0.0/0", HTTPS, HTTPS);
        return acl;
    }

    private void aclEntry(VpcNode n, NetworkAcl acl, int number, boolean egress, String action, String cidr,
                          int from, int to) {
        cloud.networkAcls().createEntry(n.owner, acl.id(),
                new NetworkAcls.EntrySpec(number, "6", action, egress, cidr, null, from, to, null, null));
    }

    // ---- peerings, their routes and rules ----

    private void buildPeerings() {
        int sameAccount = config.peerings() * 7 / 10;
        int crossAccount = config.peerings() * 2 / 10;
        int interRegion = config.peerings() - sameAccount - crossAccount;
        if (config.regions().size() < 2) {
            sameAccount += interRegion;
            interRegion = 0;
        }
        int made = 0;
        int attempts = 0;
        int[] quota = {sameAccount, crossAccount, interRegion};
        for (Kind kind : Kind.values()) {
            int want = quota[kind.ordinal()];
            for (int got = 0; got < want; ) {
                if (++attempts > config.peerings() * 200) {
                    throw new IllegalStateException("could not place " + config.peerings() + " peerings; made "
                            + made);
                }
                VpcNode a = nodes[random.nextInt(nodes.length)];
                if (a.links.size() >= config.maxPeeringsPerVpc()) {
                    continue;
                }
                VpcNode b = partner(a, kind);
                if (b == null || b == a || b.links.size() >= config.maxPeeringsPerVpc()
                        || !peered.add(pairKey(a.index, b.index))) {
                    continue;
                }
                peer(a, b, kind);
                got++;
                made++;
            }
        }
    }

    /** A random candidate partner of the right kind (may be unsuitable; the caller retries). */
    private VpcNode partner(VpcNode a, Kind kind) {
        int accounts = config.accounts();
        int regions = config.regions().size();
        int regionIndex = (a.index / accounts) % regions;
        int account = a.index % accounts;
        switch (kind) {
            case SAME_ACCOUNT -> {
                // indexes i with i % accounts == account and (i / accounts) % regions == regionIndex
                int blocks = (nodes.length - 1 - account) / accounts + 1;
                int sameRegionBlocks = (blocks - regionIndex + regions - 1) / regions;
                if (sameRegionBlocks <= 0) {
                    return null;
                }
                int block = regionIndex + regions * random.nextInt(sameRegionBlocks);
                return nodes[block * accounts + account];
            }
            case CROSS_ACCOUNT -> {
                VpcNode b = nodes[random.nextInt(nodes.length)];
                return b.region().equals(a.region()) && !b.owner.accountId().equals(a.owner.accountId()) ? b : null;
            }
            default -> {
                VpcNode b = nodes[random.nextInt(nodes.length)];
                return b.region().equals(a.region()) ? null : b;
            }
        }
    }

    private void peer(VpcNode a, VpcNode b, Kind kind) {
        PeeringConnection p = cloud.peerings().create(a.owner, a.vpc.id(), b.vpc.id(), b.owner.accountId(),
                b.region(), Map.of(), NOW);
        cloud.peerings().accept(b.owner, p.id(), NOW);
        if (p.stateAt(NOW) != PeeringState.ACTIVE) {
            throw new IllegalStateException(p.id() + " is " + p.stateAt(NOW).code() + ", not active");
        }
        a.links.add(new Link(b, p, kind));
        b.links.add(new Link(a, p, kind));
        sideOf(a, b, p);
        sideOf(b, a, p);
    }

    /** One side of a peering: routes to the peer in both tables, rules admitting the peer. */
    private void sideOf(VpcNode self, VpcNode peer, PeeringConnection p) {
        List<String> destinations = new ArrayList<>();
        for (Vpc.CidrBlock b : peer.vpc.ipv4Blocks()) {
            destinations.add(b.cidr().toString());
        }
        for (Subnet s : peer.subnets) {
            destinations.add(s.cidr().toString());
            long first = s.cidr().network().lo();
            destinations.add(ipv4((int) first) + "/25");
            destinations.add(ipv4((int) first + 128) + "/25");
        }
        for (RouteTable t : List.of(self.mainTable, self.customTable)) {
            for (String d : destinations) {
                route(self, t, d, p);
            }
        }

        List<SecurityGroups.Permission> web = new ArrayList<>();
        List<String> blocks = peer.vpc.ipv4Blocks().stream().map(b -> b.cidr().toString()).toList();
        List<String> subnets = peer.subnets.stream().map(s -> s.cidr().toString()).toList();
        web.add(cidrs(HTTPS, HTTPS, blocks.toArray(String[]::new)));
        web.add(cidrs(ALT_HTTP, ALT_HTTP, subnets.toArray(String[]::new)));
        List<SecurityGroups.Permission> db = new ArrayList<>();
        if (self.region().equals(peer.region())) {
            web.add(group(GROUP_PORT, GROUP_PORT, peer.web));
            db.add(group(POSTGRES, POSTGRES, peer.web));
        } else {
            // group references do not cross Regions: AWS refuses them, so CIDRs it is
            db.add(cidrs(POSTGRES, POSTGRES, subnets.toArray(String[]::new)));
        }
        authorize(self, self.web, web);
        authorize(self, self.db, db);
    }

    /**
     * For every {@code transitEvery}-th VPC that has a same-Region peer with a same-Region peer of
     * its own (not peered with the VPC): a route in the VPC's main table to that peer-of-peer's
     * primary block, through the first peer.
     */
    private void buildTransitRoutes() {
        for (VpcNode a : nodes) {
            if (a.index % config.transitEvery() != 0) {
                continue;
            }
            search:
            for (Link ab : a.links) {
                if (ab.kind() == Kind.INTER_REGION) {
                    continue;
                }
                for (Link bc : ab.peer().links) {
                    VpcNode c = bc.peer();
                    if (c != a && bc.kind() != Kind.INTER_REGION && !a.peeredWith(c)) {
                        route(a, a.mainTable, c.vpc.primaryCidr().toString(), ab.connection());
                        a.transit = new Transit(a, ab.peer(), c, ab.connection());
                        transits.add(a.transit);
                        break search;
                    }
                }
            }
        }
    }

    // ---- API helpers ----

    private void route(VpcNode n, RouteTable t, String destination, PeeringConnection p) {
        cloud.routing().createRoute(n.owner, t.id(), new Routing.RouteSpec(destination, null, null, p.id(), false),
                NOW);
    }

    private void authorize(VpcNode n, SecurityGroup sg, List<SecurityGroups.Permission> permissions) {
        if (!permissions.isEmpty()) {
            cloud.securityGroups().authorize(n.owner, sg.id(), false, permissions, NOW);
        }
    }

    private static SecurityGroups.Permission cidrs(int from, int to, String... cidrs) {
        List<SecurityGroups.CidrPeer> peers = new ArrayList<>(cidrs.length);
        for (String c : cidrs) {
            peers.add(new SecurityGroups.CidrPeer(c, null));
        }
        return new SecurityGroups.Permission("tcp", from, to, peers, List.of(), List.of(), List.of());
    }

    private static SecurityGroups.Permission group(int from, int to, SecurityGroup peer) {
        return new SecurityGroups.Permission("tcp", from, to, List.of(), List.of(), List.of(),
                List.of(new SecurityGroups.GroupPeer(peer.id(), peer.ownerId(), peer.vpcId(), null, null)));
    }

    static String accountId(int account) {
        return String.format(Locale.ROOT, "%012d", 100_000_000_000L + account);
    }

    static String ipv4(int value) {
        return ((value >>> 24) & 0xFF) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "."
                + (value & 0xFF);
    }

    private static long pairKey(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    // ---- counting ----

    /** Everything in the cloud, counted by walking the cloud's own collections. */
    public record Counts(int accounts, int regions, int vpcs, int secondaryBlocks, int subnets, int routeTables,
                         int routes, int localRoutes, int peeringRoutes, int securityGroups, int sgRules,
                         int sgIngressRules, int sgEgressRules, int sgCidrRules, int sgGroupRules, int networkAcls,
                         int customNetworkAcls, int networkAclEntries, int peerings, int activePeerings,
                         int crossAccountPeerings, int interRegionPeerings, int maxPeeringsPerVpc) {

        static Counts of(Cloud cloud) {
            Set<String> accounts = new HashSet<>();
            Set<String> regions = new HashSet<>();
            int secondary = 0;
            int maxPeerings = 0;
            for (Vpc v : cloud.allVpcs()) {
                accounts.add(v.ownerId());
                regions.add(v.region());
                secondary += v.ipv4Blocks().size() - 1;
                maxPeerings = Math.max(maxPeerings, v.peeringIds().size());
            }
            int routes = 0;
            int local = 0;
            int viaPeering = 0;
            for (RouteTable t : cloud.allRouteTables()) {
                for (Route r : t.routes()) {
                    routes++;
                    local += r.isLocal() ? 1 : 0;
                    viaPeering += r.vpcPeeringConnectionId() != null ? 1 : 0;
                }
            }
            int rules = 0;
            int ingress = 0;
            int cidr = 0;
            int group = 0;
            for (SecurityGroup g : cloud.allSecurityGroups()) {
                for (SecurityGroupRule r : g.rules()) {
                    rules++;
                    ingress += r.egress() ? 0 : 1;
                    cidr += r.cidr() != null ? 1 : 0;
                    group += r.referencedGroup() != null ? 1 : 0;
                }
            }
            int customAcls = 0;
            int entries = 0;
            for (NetworkAcl acl : cloud.allNetworkAcls()) {
                customAcls += acl.isDefault() ? 0 : 1;
                entries += acl.entries().size();
            }
            int active = 0;
            int crossAccount = 0;
            int interRegion = 0;
            for (PeeringConnection p : cloud.allPeerings()) {
                active += p.stateAt(NOW) == PeeringState.ACTIVE ? 1 : 0;
                crossAccount += p.isCrossAccount() ? 1 : 0;
                interRegion += p.isInterRegion() ? 1 : 0;
            }
            return new Counts(accounts.size(), regions.size(), cloud.allVpcs().size(), secondary,
                    cloud.allSubnets().size(), cloud.allRouteTables().size(), routes, local, viaPeering,
                    cloud.allSecurityGroups().size(), rules, ingress, rules - ingress, cidr, group,
                    cloud.allNetworkAcls().size(), customAcls, entries, cloud.allPeerings().size(), active,
                    crossAccount, interRegion, maxPeerings);
        }

        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "  accounts            %,9d   regions %d%n", accounts, regions);
            out.printf(Locale.ROOT, "  VPCs                %,9d   (%,d with a secondary block)%n", vpcs, secondaryBlocks);
            out.printf(Locale.ROOT, "  subnets             %,9d%n", subnets);
            out.printf(Locale.ROOT, "  route tables        %,9d%n", routeTables);
            out.printf(Locale.ROOT, "  routes              %,9d   (local %,d, via peering %,d, other %,d)%n", routes,
                    localRoutes, peeringRoutes, routes - localRoutes - peeringRoutes);
            out.printf(Locale.ROOT, "  security groups     %,9d%n", securityGroups);
            out.printf(Locale.ROOT, "  SG rules            %,9d   (ingress %,d, egress %,d; CIDR %,d, group refs %,d)%n",
                    sgRules, sgIngressRules, sgEgressRules, sgCidrRules, sgGroupRules);
            out.printf(Locale.ROOT, "  network ACLs        %,9d   (custom %,d; entries %,d incl. default rules)%n",
                    networkAcls, customNetworkAcls, networkAclEntries);
            out.printf(Locale.ROOT, "  peerings            %,9d   (active %,d, cross-account %,d, inter-Region %,d;"
                    + " max %d per VPC)%n", peerings, activePeerings, crossAccountPeerings, interRegionPeerings,
                    maxPeeringsPerVpc);
        }
    }

    /** Builds the default world (or {@code vpcs peerings} given as arguments) and prints what it holds. */
    public static void main(String[] args) {
        Config config = args.length >= 2
                ? Config.DEFAULT.scaled(Integer.parseInt(args[0]), Integer.parseInt(args[1]))
                : Config.DEFAULT;
        World world = build(config);
        System.out.printf(Locale.ROOT, "world built in %,d ms%n", world.buildNanos / 1_000_000);
        world.counts().print(System.out);
        System.out.printf(Locale.ROOT, "  transitive routes   %,9d%n", world.transits.size());
    }
}

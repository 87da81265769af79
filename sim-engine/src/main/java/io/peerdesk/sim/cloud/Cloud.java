package io.peerdesk.sim.cloud;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The whole simulated cloud: every account's resources in every region, and the rules AWS
 * applies to them. Operations live in one class per feature ({@link #vpcs()}, {@link #routing()},
 * {@link #securityGroups()}, {@link #networkAcls()}, {@link #peerings()}, {@link #tagging()}).
 *
 * <p>Each operation takes the {@link Caller} and the instant it happens at, checks everything
 * before it changes anything, and throws {@link CloudException} with AWS's code when it refuses:
 * a refused operation leaves the cloud untouched. Ids come from a seeded counter, so the same
 * operations at the same instants build the same cloud — which is what makes the journal
 * replayable.
 *
 * <p>Not thread-safe: the {@code Simulator} serialises writers and lets readers share.
 */
public final class Cloud implements Serializable {

    /**
     * The snapshot format of the cloud's state (Java serialisation of this object graph) is pinned for
     * each class in it, to what earlier builds wrote, so that adding a method does not make an
     * existing data directory unreadable. Change a class's number only when its fields change in a way
     * an older snapshot cannot be read into; the simulator then refuses that snapshot with a clear error.
     */
    private static final long serialVersionUID = -3625367465574050002L;

    private static final Pattern PCX_ID = Pattern.compile("pcx-[0-9a-f]{8}([0-9a-f]{9})?");

    private final CloudConfig config;
    private final long seed;
    private long counter;

    final Map<String, Vpc> vpcs = new LinkedHashMap<>();
    final Map<String, Subnet> subnets = new LinkedHashMap<>();
    final Map<String, RouteTable> routeTables = new LinkedHashMap<>();
    final Map<String, InternetGateway> internetGateways = new LinkedHashMap<>();
    final Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
    final Map<String, NetworkAcl> networkAcls = new LinkedHashMap<>();
    final Map<String, PeeringConnection> peerings = new LinkedHashMap<>();
    final Map<String, Object> insights = new LinkedHashMap<>();

    private transient Vpcs vpcOps;
    private transient Routing routingOps;
    private transient SecurityGroups securityGroupOps;
    private transient NetworkAcls networkAclOps;
    private transient Peerings peeringOps;
    private transient Tagging taggingOps;

    public Cloud(CloudConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    public Cloud() {
        this(CloudConfig.AWS_DEFAULTS, 0x5eed_0f_c10dL);
    }

    public CloudConfig config() {
        return config;
    }

    // ---- operations, by feature ----

    public Vpcs vpcs() {
        if (vpcOps == null) {
            vpcOps = new Vpcs(this);
        }
        return vpcOps;
    }

    public Routing routing() {
        if (routingOps == null) {
            routingOps = new Routing(this);
        }
        return routingOps;
    }

    public SecurityGroups securityGroups() {
        if (securityGroupOps == null) {
            securityGroupOps = new SecurityGroups(this);
        }
        return securityGroupOps;
    }

    public NetworkAcls networkAcls() {
        if (networkAclOps == null) {
            networkAclOps = new NetworkAcls(this);
        }
        return networkAclOps;
    }

    public Peerings peerings() {
        if (peeringOps == null) {
            peeringOps = new Peerings(this);
        }
        return peeringOps;
    }

    public Tagging tagging() {
        if (taggingOps == null) {
            taggingOps = new Tagging(this);
        }
        return taggingOps;
    }

    // ---- ids ----

    /** The next id with AWS's shape: prefix, dash, 17 hex digits. Unique: a bijection of the counter. */
    String nextId(String prefix) {
        long n = ++counter;
        long z = seed + n * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        String hex = Long.toHexString(z);
        return prefix + "-" + Long.toHexString(n & 0xF) + "0".repeat(16 - hex.length()) + hex;
    }

    long nextSequence() {
        return counter + 1;
    }

    /**
     * A new id from the same seeded generator, for the durable objects other packages keep in
     * {@link #extensions()} (network insights paths and analyses): deterministic, so a replayed
     * journal rebuilds the same ids. Call it only once the request has passed every check.
     */
    public String newId(String prefix) {
        return nextId(prefix);
    }

    /** The creation sequence for an object created now (Describe order and paging), as for built-in resources. */
    public long newSequence() {
        return nextSequence();
    }

    // ---- raw reads, every account (for the analyzer, snapshots and tests) ----

    public Collection<Vpc> allVpcs() {
        return Collections.unmodifiableCollection(vpcs.values());
    }

    public Collection<Subnet> allSubnets() {
        return Collections.unmodifiableCollection(subnets.values());
    }

    public Collection<RouteTable> allRouteTables() {
        return Collections.unmodifiableCollection(routeTables.values());
    }

    public Collection<SecurityGroup> allSecurityGroups() {
        return Collections.unmodifiableCollection(securityGroups.values());
    }

    public Collection<NetworkAcl> allNetworkAcls() {
        return Collections.unmodifiableCollection(networkAcls.values());
    }

    public Collection<PeeringConnection> allPeerings() {
        return Collections.unmodifiableCollection(peerings.values());
    }

    public Collection<InternetGateway> allInternetGateways() {
        return Collections.unmodifiableCollection(internetGateways.values());
    }

    public Vpc vpc(String id) {
        return vpcs.get(id);
    }

    public Subnet subnet(String id) {
        return subnets.get(id);
    }

    public RouteTable routeTable(String id) {
        return routeTables.get(id);
    }

    public SecurityGroup securityGroup(String id) {
        return securityGroups.get(id);
    }

    public NetworkAcl networkAcl(String id) {
        return networkAcls.get(id);
    }

    public PeeringConnection peering(String id) {
        return peerings.get(id);
    }

    public InternetGateway internetGateway(String id) {
        return internetGateways.get(id);
    }

    /** Generic store for other packages' durable objects (network insights paths and analyses). */
    public Map<String, Object> extensions() {
        return insights;
    }

    // ---- what a caller sees ----

    public <T extends Resource> List<T> visible(Collection<T> all, Caller caller) {
        List<T> out = new ArrayList<>();
        for (T r : all) {
            if (r.visibleTo(caller)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The connections the caller can see; with {@code ids}, only those of them (an id it cannot see
     * is left out), looked up by id rather than among every connection the cloud has ever had.
     */
    public List<PeeringConnection> visiblePeerings(Caller caller, Instant now, Collection<String> ids) {
        if (ids.isEmpty()) {
            return visiblePeerings(caller, now);
        }
        List<PeeringConnection> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            PeeringConnection p = peerings.get(id);
            if (p != null && p.visibleTo(caller, now)) {
                out.add(p);
            }
        }
        return out;
    }

    public List<PeeringConnection> visiblePeerings(Caller caller, Instant now) {
        List<PeeringConnection> out = new ArrayList<>();
        for (PeeringConnection p : peerings.values()) {
            if (p.visibleTo(caller, now)) {
                out.add(p);
            }
        }
        return out;
    }

    public Vpc requireVpc(Caller caller, String id) {
        return require(vpcs, caller, id, "vpcId", "InvalidVpcID.NotFound", "The vpc ID '%s' does not exist");
    }

    public Subnet requireSubnet(Caller caller, String id) {
        return require(subnets, caller, id, "subnetId", "InvalidSubnetID.NotFound",
                "The subnet ID '%s' does not exist");
    }

    public RouteTable requireRouteTable(Caller caller, String id) {
        return require(routeTables, caller, id, "routeTableId", "InvalidRouteTableID.NotFound",
                "The routeTable ID '%s' does not exist");
    }

    public InternetGateway requireInternetGateway(Caller caller, String id) {
        return require(internetGateways, caller, id, "internetGatewayId", "InvalidInternetGatewayID.NotFound",
                "The internetGateway ID '%s' does not exist");
    }

    public SecurityGroup requireSecurityGroup(Caller caller, String id) {
        if (id != null && !id.startsWith("sg-")) {
            throw new CloudException("InvalidGroupId.Malformed", "Invalid id: \"" + id + "\" (expecting \"sg-...\")");
        }
        return require(securityGroups, caller, id, "groupId", "InvalidGroup.NotFound",
                "The security group '%s' does not exist");
    }

    public NetworkAcl requireNetworkAcl(Caller caller, String id) {
        return require(networkAcls, caller, id, "networkAclId", "InvalidNetworkAclID.NotFound",
                "The networkAcl ID '%s' does not exist");
    }

    public PeeringConnection requirePeering(Caller caller, String id, Instant now) {
        if (id == null || id.isEmpty()) {
            throw CloudException.missingParameter("vpcPeeringConnectionId");
        }
        if (!PCX_ID.matcher(id).matches()) {
            throw new CloudException("InvalidVpcPeeringConnectionId.Malformed",
                    "Invalid id: \"" + id + "\" (expecting \"pcx-xxxxxxxxxxxxxxxxx\")");
        }
        PeeringConnection p = peerings.get(id);
        if (p == null || !p.visibleTo(caller, now)) {
            throw new CloudException("InvalidVpcPeeringConnectionID.NotFound",
                    "The vpcPeeringConnection ID '" + id + "' does not exist");
        }
        return p;
    }

    private static <T extends Resource> T require(Map<String, T> map, Caller caller, String id, String param,
                                                  String code, String format) {
        if (id == null || id.isEmpty()) {
            throw CloudException.missingParameter(param);
        }
        T r = map.get(id);
        if (r == null || !r.visibleTo(caller)) {
            throw new CloudException(code, String.format(format, id));
        }
        return r;
    }

    <T> List<T> matching(Collection<T> all, Predicate<T> test) {
        List<T> out = new ArrayList<>();
        for (T t : all) {
            if (test.test(t)) {
                out.add(t);
            }
        }
        return out;
    }

    // ---- derived state shared by several features ----

    /** A route's state: blackhole when its target is not usable now (pcx not active, igw detached). */
    public String routeState(Route route, String vpcId, Instant now) {
        if (route.vpcPeeringConnectionId() != null) {
            PeeringConnection p = peerings.get(route.vpcPeeringConnectionId());
            return p != null && p.stateAt(now) == PeeringState.ACTIVE ? "active" : "blackhole";
        }
        if (route.gatewayId() != null && route.gatewayId().startsWith("igw-")) {
            InternetGateway igw = internetGateways.get(route.gatewayId());
            return igw != null && vpcId.equals(igw.attachedVpcId) ? "active" : "blackhole";
        }
        return "active";
    }

    /** The route table a subnet uses: its explicit association, else the VPC's main table. */
    public RouteTable routeTableOf(Subnet subnet) {
        String id = subnet.routeTableId != null ? subnet.routeTableId : vpcs.get(subnet.vpcId()).mainRouteTableId;
        return routeTables.get(id);
    }

    /** The network ACL a subnet uses. */
    public NetworkAcl networkAclOf(Subnet subnet) {
        return networkAcls.get(subnet.networkAclId);
    }

    /** The connection between two VPCs that is active now, if any. */
    public PeeringConnection activePeeringBetween(String vpcA, String vpcB, Instant now) {
        Vpc a = vpcs.get(vpcA);
        if (a == null) {
            return null;
        }
        for (String id : a.peeringIds) {
            PeeringConnection p = peerings.get(id);
            if (p.joins(vpcA, vpcB) && p.stateAt(now) == PeeringState.ACTIVE) {
                return p;
            }
        }
        return null;
    }
}

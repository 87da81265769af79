package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.CloudConfig;
import io.peerdesk.sim.cloud.InternetGateway;
import io.peerdesk.sim.cloud.NetworkAcl;
import io.peerdesk.sim.cloud.NetworkAcls;
import io.peerdesk.sim.cloud.PeeringConnection;
import io.peerdesk.sim.cloud.Routing;
import io.peerdesk.sim.cloud.SecurityGroup;
import io.peerdesk.sim.cloud.SecurityGroups;
import io.peerdesk.sim.cloud.Subnet;
import io.peerdesk.sim.cloud.Vpc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds small clouds for the analyzer tests through the cloud's own Java API, at a fixed instant. */
final class World {

    static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    static final Caller A = new Caller("111111111111", "us-east-1");
    static final Caller B = new Caller("222222222222", "us-east-1");
    static final Caller C = new Caller("333333333333", "us-east-1");
    static final Caller A_WEST = new Caller("111111111111", "us-west-2");

    final Cloud cloud = new Cloud(CloudConfig.AWS_DEFAULTS, 7L);

    Vpc vpc(Caller owner, String cidr) {
        return cloud.vpcs().createVpc(owner, cidr, false, null, Map.of());
    }

    Subnet subnet(Vpc vpc, String cidr) {
        return cloud.vpcs().createSubnet(owner(vpc), vpc.id(), cidr, null, null, Map.of());
    }

    /** A peering request from {@code from} to {@code to}, left pending. */
    PeeringConnection request(Vpc from, Vpc to) {
        return cloud.peerings().create(owner(from), from.id(), to.id(), to.ownerId(), to.region(), Map.of(), T0);
    }

    /** A peering requested and accepted: active at once. */
    PeeringConnection peer(Vpc from, Vpc to) {
        PeeringConnection p = request(from, to);
        cloud.peerings().accept(owner(to), p.id(), T0);
        return p;
    }

    void delete(PeeringConnection p) {
        cloud.peerings().delete(new Caller(p.requester().ownerId(), p.requester().region()), p.id(), T0);
    }

    /** A route in the VPC's main route table to a peering connection. */
    void route(Vpc vpc, String destination, PeeringConnection via) {
        cloud.routing().createRoute(owner(vpc), vpc.mainRouteTableId(),
                new Routing.RouteSpec(destination, null, null, via.id(), false), T0);
    }

    InternetGateway internetGateway(Vpc vpc, String destination) {
        InternetGateway igw = cloud.vpcs().createInternetGateway(owner(vpc), Map.of());
        cloud.vpcs().attachInternetGateway(owner(vpc), igw.id(), vpc.id());
        cloud.routing().createRoute(owner(vpc), vpc.mainRouteTableId(),
                new Routing.RouteSpec(destination, null, igw.id(), null, false), T0);
        return igw;
    }

    SecurityGroup group(Vpc vpc, String name) {
        return cloud.securityGroups().create(owner(vpc), vpc.id(), name, name + " group", Map.of());
    }

    SecurityGroup defaultGroup(Vpc vpc) {
        return cloud.securityGroup(vpc.defaultSecurityGroupId());
    }

    void allowFromCidr(SecurityGroup sg, boolean egress, String protocol, int from, int to, String cidr) {
        authorize(sg, egress, new SecurityGroups.Permission(protocol, from, to,
                List.of(new SecurityGroups.CidrPeer(cidr, null)), List.of(), List.of(), List.of()));
    }

    void allowFromGroup(SecurityGroup sg, boolean egress, String protocol, int from, int to, SecurityGroup peer) {
        authorize(sg, egress, new SecurityGroups.Permission(protocol, from, to, List.of(), List.of(), List.of(),
                List.of(new SecurityGroups.GroupPeer(peer.id(), peer.ownerId(), peer.vpcId(), null, null))));
    }

    /** Removes the all-traffic egress rule every new group starts with. */
    void revokeDefaultEgress(SecurityGroup sg) {
        cloud.securityGroups().revoke(owner(sg.ownerId(), sg.region()), sg.id(), true,
                List.of(new SecurityGroups.Permission("-1", null, null,
                        List.of(new SecurityGroups.CidrPeer("0.0.0.0/0", null)), List.of(), List.of(), List.of())),
                List.of(), T0);
    }

    /** A new custom network ACL (deny-all until told otherwise) associated with the subnet. */
    NetworkAcl customAcl(Subnet subnet) {
        Caller owner = owner(subnet.ownerId(), subnet.region());
        NetworkAcl acl = cloud.networkAcls().create(owner, subnet.vpcId(), Map.of());
        String association = cloud.networkAclOf(subnet).associations().stream()
                .filter(a -> a.subnetId().equals(subnet.id())).findFirst().orElseThrow().associationId();
        cloud.networkAcls().replaceAssociation(owner, association, acl.id());
        return acl;
    }

    void aclRule(NetworkAcl acl, int number, boolean egress, String protocol, String action, String cidr,
                 Integer from, Integer to) {
        cloud.networkAcls().createEntry(owner(acl.ownerId(), acl.region()), acl.id(),
                new NetworkAcls.EntrySpec(number, protocol, action, egress, cidr, null, from, to, null, null));
    }

    Analysis analyze(Query query) {
        return new ReachabilityAnalyzer().analyze(cloud, query, T0);
    }

    private void authorize(SecurityGroup sg, boolean egress, SecurityGroups.Permission permission) {
        cloud.securityGroups().authorize(owner(sg.ownerId(), sg.region()), sg.id(), egress, List.of(permission), T0);
    }

    static Caller owner(Vpc vpc) {
        return owner(vpc.ownerId(), vpc.region());
    }

    static Caller owner(String account, String region) {
        return new Caller(account, region);
    }
}

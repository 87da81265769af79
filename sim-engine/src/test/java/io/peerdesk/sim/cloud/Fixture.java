package io.peerdesk.sim.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cloud with a controlled clock for the cloud rule tests, plus helpers: building VPCs and
 * peerings, and {@link #refused} which checks both AWS's error code and that a refused operation
 * left the cloud exactly as it was (counts, and the serialised state byte for byte).
 */
final class Fixture {

    static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    static final String ACCT_A = "111111111111";
    static final String ACCT_B = "222222222222";
    static final String ACCT_C = "333333333333";
    static final String EAST = "us-east-1";
    static final String WEST = "us-west-2";
    static final Caller A = new Caller(ACCT_A, EAST);
    static final Caller B = new Caller(ACCT_B, EAST);
    static final Caller C = new Caller(ACCT_C, EAST);
    static final Caller A_WEST = new Caller(ACCT_A, WEST);
    static final Caller B_WEST = new Caller(ACCT_B, WEST);

    final Cloud cloud;

    Fixture() {
        this(CloudConfig.AWS_DEFAULTS);
    }

    Fixture(CloudConfig config) {
        cloud = new Cloud(config, 42L);
    }

    static Instant at(Duration sinceT0) {
        return T0.plus(sinceT0);
    }

    static Instant minutes(long n) {
        return T0.plus(Duration.ofMinutes(n));
    }

    Vpc vpc(Caller caller, String cidr) {
        return cloud.vpcs().createVpc(caller, cidr, false, null, Map.of());
    }

    Vpc vpcWithIpv6(Caller caller, String cidr) {
        return cloud.vpcs().createVpc(caller, cidr, true, null, Map.of());
    }

    Subnet subnet(Caller caller, Vpc vpc, String cidr) {
        return cloud.vpcs().createSubnet(caller, vpc.id(), cidr, null, null, Map.of());
    }

    /** A request from {@code from} (owned by {@code requester}) to {@code to}, naming its owner and region. */
    PeeringConnection request(Caller requester, Vpc from, Vpc to, Instant now) {
        return cloud.peerings().create(requester, from.id(), to.id(), to.ownerId(), to.region(), Map.of(), now);
    }

    /** A request, accepted at the same instant by the peer VPC's owner in its region. */
    PeeringConnection peer(Vpc from, Vpc to, Instant now) {
        PeeringConnection p = request(owner(from), from, to, now);
        cloud.peerings().accept(owner(to), p.id(), now);
        return p;
    }

    static Caller owner(Vpc vpc) {
        return new Caller(vpc.ownerId(), vpc.region());
    }

    Route route(Caller caller, RouteTable rt, String destination, String pcxId, Instant now) {
        return cloud.routing().createRoute(caller, rt.id(),
                new Routing.RouteSpec(destination, null, null, pcxId, false), now);
    }

    RouteTable mainTable(Vpc vpc) {
        return cloud.routeTable(vpc.mainRouteTableId());
    }

    String routeState(RouteTable rt, String destination, Instant now) {
        Route r = rt.route(io.peerdesk.sim.net.Cidr.parse(destination));
        assertThat(r).as("route %s in %s", destination, rt.id()).isNotNull();
        return cloud.routeState(r, rt.vpcId(), now);
    }

    static SecurityGroups.Permission tcp(int from, int to, String... cidrs) {
        return new SecurityGroups.Permission("tcp", from, to,
                java.util.Arrays.stream(cidrs).map(c -> new SecurityGroups.CidrPeer(c, null)).toList(),
                List.of(), List.of(), List.of());
    }

    static SecurityGroups.Permission tcpV6(int from, int to, String... cidrs) {
        return new SecurityGroups.Permission("tcp", from, to, List.of(),
                java.util.Arrays.stream(cidrs).map(c -> new SecurityGroups.CidrPeer(c, null)).toList(),
                List.of(), List.of());
    }

    static SecurityGroups.Permission tcpFromGroup(int from, int to, String groupId, String userId) {
        return new SecurityGroups.Permission("tcp", from, to, List.of(), List.of(), List.of(),
                List.of(new SecurityGroups.GroupPeer(groupId, userId, null, null, null)));
    }

    /** Runs {@code op}, expects AWS's {@code code}, and checks that nothing at all changed. */
    CloudException refused(String code, Runnable op) {
        String countsBefore = counts();
        byte[] before = state();
        try {
            op.run();
        } catch (CloudException e) {
            assertThat(e.code()).as("error code (message: %s)", e.getMessage()).isEqualTo(code);
            assertThat(counts()).as("resource, rule and route counts after refused %s", code)
                    .isEqualTo(countsBefore);
            assertThat(state()).as("cloud state after refused %s", code).isEqualTo(before);
            return e;
        }
        return fail("expected " + code + " but the operation succeeded");
    }

    /** A compact summary of everything that can change, for readable failure messages. */
    String counts() {
        StringBuilder sb = new StringBuilder();
        sb.append("vpcs=").append(cloud.allVpcs().size());
        for (Vpc v : cloud.allVpcs()) {
            sb.append("\n ").append(v.id()).append(" blocks=").append(v.allCidrs()).append(" pcx=")
                    .append(v.peeringIds().size()).append(" dns=").append(v.enableDnsSupport()).append('/')
                    .append(v.enableDnsHostnames()).append(" tags=").append(v.tags().asMap().size());
        }
        sb.append("\nsubnets=").append(cloud.allSubnets().size());
        for (Subnet s : cloud.allSubnets()) {
            sb.append("\n ").append(s.id()).append(" rtb=").append(s.routeTableId).append(" acl=")
                    .append(s.networkAclId);
        }
        sb.append("\nrtbs=").append(cloud.allRouteTables().size());
        for (RouteTable rt : cloud.allRouteTables()) {
            sb.append("\n ").append(rt.id()).append(" assoc=").append(rt.associations().size()).append(" routes=");
            for (Route r : rt.routes()) {
                sb.append(r.destination()).append("->").append(r.targetId()).append(' ');
            }
        }
        sb.append("\nsgs=").append(cloud.allSecurityGroups().size());
        for (SecurityGroup sg : cloud.allSecurityGroups()) {
            sb.append("\n ").append(sg.id()).append(" in=").append(sg.rules(false).size()).append(" out=")
                    .append(sg.rules(true).size());
        }
        sb.append("\nacls=").append(cloud.allNetworkAcls().size());
        for (NetworkAcl acl : cloud.allNetworkAcls()) {
            sb.append("\n ").append(acl.id()).append(" assoc=").append(acl.associations().size()).append(" entries=");
            for (NetworkAclEntry e : acl.entries()) {
                sb.append(e.egress() ? "out" : "in").append(e.ruleNumber()).append(e.allow() ? "+" : "-")
                        .append(e.cidr()).append(' ');
            }
        }
        sb.append("\npcx=").append(cloud.allPeerings().size());
        for (PeeringConnection p : cloud.allPeerings()) {
            sb.append("\n ").append(p.id()).append(' ').append(p.decided).append('@').append(p.decidedAt)
                    .append(p.requesterOptions().equals(PeeringOptions.NONE) ? "" : " reqOpts")
                    .append(p.accepterOptions().equals(PeeringOptions.NONE) ? "" : " accOpts");
        }
        sb.append("\nigws=").append(cloud.allInternetGateways().size());
        for (InternetGateway g : cloud.allInternetGateways()) {
            sb.append("\n ").append(g.id()).append("->").append(g.attachedVpcId());
        }
        return sb.toString();
    }

    /** The whole cloud, serialised: equal bytes mean nothing changed, not even the id counter. */
    byte[] state() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(cloud);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

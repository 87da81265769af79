package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.NetworkAcl;
import io.peerdesk.sim.cloud.PeeringConnection;
import io.peerdesk.sim.cloud.Protocol;
import io.peerdesk.sim.cloud.Resource;
import io.peerdesk.sim.cloud.SecurityGroup;
import io.peerdesk.sim.cloud.SecurityGroupRule;
import io.peerdesk.sim.cloud.Subnet;
import io.peerdesk.sim.cloud.Vpc;
import io.peerdesk.sim.net.IpAddress;
import io.peerdesk.sim.net.PortRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One analysis in progress. Forward: source subnet ACL egress, source security groups egress,
 * source route table (and peering connection), destination subnet ACL ingress, destination
 * security groups ingress. Return (security groups are stateful, ACLs are not): destination
 * subnet ACL egress to the source's reply ports, destination route table back to the source,
 * source subnet ACL ingress. ACLs are skipped when both ends share a subnet. The first component
 * that refuses ends the analysis; strings are only built for explanations.
 */
final class Trace {

    private final Cloud cloud;
    private final Query query;
    private final Instant now;
    private final Caller scope;
    private final Router router;
    private final String protocolNumber;
    private final List<PathComponent> forward = new ArrayList<>(10);
    private List<PathComponent> back = List.of();
    private final List<Explanation> explanations = new ArrayList<>(2);

    Trace(Cloud cloud, Query query, Instant now, Caller scope) {
        this.cloud = cloud;
        this.query = query;
        this.now = now;
        this.scope = scope;
        this.router = new Router(cloud, now);
        this.protocolNumber = query.protocol().equals("tcp") ? "6" : "17";
    }

    Analysis run() {
        Subnet src = sourceSubnet();
        if (src == null) {
            return notFound();
        }
        Vpc srcVpc = cloud.vpc(src.vpcId());
        IpAddress srcIp = query.sourceIp() != null ? query.sourceIp() : src.firstUsableAddress();
        IpAddress dstIp = query.destinationIp();
        Resource wanted = null;
        if (query.destinationId() != null) {
            wanted = destinationResource(dstIp);
            if (wanted == null) {
                return notFound();
            }
            if (!wanted.region().equals(srcVpc.region())) {
                return unanalysable("Source and destination must be in the same Region: " + src.id() + " is in "
                        + src.region() + ", " + wanted.id() + " in " + wanted.region() + ".");
            }
        }
        Vpc wantedVpc = wanted == null ? null
                : wanted instanceof Subnet s ? cloud.vpc(s.vpcId()) : (Vpc) wanted;
        SecurityGroup[] srcGroups = groups(query.sourceSecurityGroupIds(), srcVpc, src, Leg.FORWARD);
        if (srcGroups == null) {
            return notFound();
        }
        Hop hop = router.route(src, srcVpc, dstIp, Leg.FORWARD);
        if (hop.unanalysable() != null) {
            return unanalysable(hop.unanalysable());
        }
        SecurityGroup[] dstGroups = destinationGroups(hop, wantedVpc);
        if (dstGroups == NO_GROUPS) {
            return notFound();
        }
        boolean sameSubnet = Nets.inSubnet(src, dstIp);
        int port = query.destinationPort();
        add(forward, AnalysisComponent.of(src), srcVpc, src);
        if (!sameSubnet && !aclAdmits(cloud.networkAclOf(src), true, src, srcVpc, dstIp, port, port, Leg.FORWARD,
                forward)) {
            return notFound();
        }
        if (!groupsAdmit(srcGroups, true, dstIp, dstGroups, srcVpc, src)) {
            return notFound();
        }
        if (!hop.ok()) {
            explanations.add(hop.failure());
            return disconnected(srcVpc, wantedVpc, dstIp);
        }
        if (wantedVpc != null && hop.vpc() != wantedVpc) {
            explanations.add(routeElsewhere(hop, src, srcVpc, dstIp, Leg.FORWARD));
            return disconnected(srcVpc, wantedVpc, dstIp);
        }
        addRoute(forward, hop, srcVpc, src);
        Subnet dst = hop.subnet();
        Vpc dstVpc = hop.vpc();
        if (!sameSubnet && !aclAdmits(cloud.networkAclOf(dst), false, dst, dstVpc, srcIp, port, port, Leg.FORWARD,
                forward)) {
            return notFound();
        }
        if (!groupsAdmit(dstGroups, false, srcIp, srcGroups, dstVpc, dst)) {
            return notFound();
        }
        add(forward, AnalysisComponent.of(dst), dstVpc, dst);
        return replyReaches(src, srcVpc, srcIp, dst, dstVpc, dstIp, sameSubnet);
    }

    /** The return leg: the reply to the source's ports must leave the destination subnet and find its way back. */
    private Analysis replyReaches(Subnet src, Vpc srcVpc, IpAddress srcIp, Subnet dst, Vpc dstVpc, IpAddress dstIp,
                                  boolean sameSubnet) {
        back = new ArrayList<>(8);
        PortRange ports = query.sourcePortRange();
        add(back, AnalysisComponent.of(dst), dstVpc, dst);
        if (!sameSubnet && !aclAdmits(cloud.networkAclOf(dst), true, dst, dstVpc, srcIp, ports.from(), ports.to(),
                Leg.RETURN, back)) {
            return notFound();
        }
        Hop reply = router.route(dst, dstVpc, srcIp, Leg.RETURN);
        if (reply.unanalysable() != null || reply.vpc() != null && reply.subnet() != src) {
            // no unicast reverse-path forwarding: a reply that the table sends elsewhere is lost
            explanations.add(routeElsewhere(reply, dst, dstVpc, srcIp, Leg.RETURN));
            return notFound();
        }
        if (!reply.ok()) {
            explanations.add(reply.failure());
            return notFound();
        }
        addRoute(back, reply, dstVpc, dst);
        if (!sameSubnet && !aclAdmits(cloud.networkAclOf(src), false, src, srcVpc, dstIp, ports.from(), ports.to(),
                Leg.RETURN, back)) {
            return notFound();
        }
        add(back, AnalysisComponent.of(src), srcVpc, src);
        return new Analysis(Analysis.SUCCEEDED, null, true, forward, back, List.of());
    }

    // ---- endpoints ----

    private Subnet sourceSubnet() {
        String id = query.sourceId();
        IpAddress ip = query.sourceIp();
        if (id.startsWith("subnet-")) {
            Subnet subnet = cloud.subnet(id);
            if (subnet == null || !inScope(subnet)) {
                return missing(AnalysisComponent.unresolved(id), null);
            }
            if (ip != null && !Nets.inSubnet(subnet, ip)) {
                return missing(AnalysisComponent.of(subnet), ip);
            }
            return subnet;
        }
        if (id.startsWith("vpc-")) {
            Vpc vpc = cloud.vpc(id);
            if (vpc == null || !inScope(vpc)) {
                return missing(AnalysisComponent.unresolved(id), null);
            }
            Subnet subnet = ip == null ? null : Nets.subnetOf(cloud, vpc, ip);
            return subnet != null ? subnet : missing(AnalysisComponent.of(vpc), ip);
        }
        return missing(AnalysisComponent.unresolved(id), null);
    }

    private Resource destinationResource(IpAddress dstIp) {
        String id = query.destinationId();
        Resource r = id.startsWith("subnet-") ? cloud.subnet(id) : id.startsWith("vpc-") ? cloud.vpc(id) : null;
        if (r == null) {
            return missing(AnalysisComponent.unresolved(id), null);
        }
        boolean holds = r instanceof Subnet s ? Nets.inSubnet(s, dstIp) : Nets.inVpc((Vpc) r, dstIp);
        return holds ? r : missing(AnalysisComponent.of(r), dstIp);
    }

    private boolean inScope(Resource r) {
        return scope == null || r.visibleTo(scope);
    }

    private static final SecurityGroup[] NO_GROUPS = new SecurityGroup[0];

    /** The destination endpoint's groups, or null while the route has not shown where it is. */
    private SecurityGroup[] destinationGroups(Hop hop, Vpc wantedVpc) {
        if (hop.ok()) {
            SecurityGroup[] groups = groups(query.destinationSecurityGroupIds(), hop.vpc(), hop.subnet(), Leg.FORWARD);
            return groups == null ? NO_GROUPS : groups;
        }
        if (wantedVpc != null && query.destinationSecurityGroupIds().isEmpty()) {
            return new SecurityGroup[] {cloud.securityGroup(wantedVpc.defaultSecurityGroupId())};
        }
        return null;
    }

    /** An endpoint's groups (its VPC's default group when none are given); null if one is not in that VPC. */
    private SecurityGroup[] groups(List<String> ids, Vpc vpc, Subnet subnet, Leg leg) {
        if (ids.isEmpty()) {
            SecurityGroup group = cloud.securityGroup(vpc.defaultSecurityGroupId());
            return group == null ? null : new SecurityGroup[] {group};
        }
        SecurityGroup[] groups = new SecurityGroup[ids.size()];
        for (int i = 0; i < groups.length; i++) {
            SecurityGroup g = cloud.securityGroup(ids.get(i));
            if (g == null || !g.vpcId().equals(vpc.id())) {
                AnalysisComponent what = g == null ? AnalysisComponent.unresolved(ids.get(i)) : AnalysisComponent.of(g);
                explanations.add(Explanation.of(ExplanationCode.NO_SOURCE_OR_DESTINATION, leg).component(what)
                        .securityGroups(List.of(what)).vpc(AnalysisComponent.of(vpc))
                        .subnet(AnalysisComponent.of(subnet)).build());
                return null;
            }
            groups[i] = g;
        }
        return groups;
    }

    // ---- network ACLs and security groups ----

    private boolean aclAdmits(NetworkAcl acl, boolean egress, Subnet subnet, Vpc vpc, IpAddress peer, int from, int to,
                              Leg leg, List<PathComponent> path) {
        AclCheck.Verdict verdict = AclCheck.evaluate(acl, egress, peer, protocolNumber, from, to);
        AnalysisComponent aclComponent = AnalysisComponent.of(acl);
        if (verdict.allowed()) {
            path.add(new PathComponent(path.size() + 1, aclComponent, AnalysisComponent.of(vpc),
                    AnalysisComponent.of(subnet), null, null, null, null, verdict.rule()));
            return true;
        }
        explanations.add(Explanation.of(ExplanationCode.SUBNET_ACL_RESTRICTION, leg).direction(egress)
                .component(aclComponent).acl(aclComponent, verdict.rule()).vpc(AnalysisComponent.of(vpc))
                .subnet(AnalysisComponent.of(subnet)).address(peer).portRanges(verdict.denied())
                .protocol(query.protocol()).build());
        return false;
    }

    /**
     * The union of the groups' rules in one direction. A rule naming a group admits the peer only if
     * the peer endpoint has that group and the reference is usable now (same VPC, or a same-Region
     * peer VPC joined by an active peering). With {@code peerGroups} null (the route found no
     * destination yet) the membership is given the benefit of the doubt, so the route is blamed.
     */
    private boolean groupsAdmit(SecurityGroup[] groups, boolean egress, IpAddress peer, SecurityGroup[] peerGroups,
                                Vpc vpc, Subnet subnet) {
        boolean anyRule = false;
        for (SecurityGroup g : groups) {
            for (SecurityGroupRule r : g.rules()) {
                if (r.egress() != egress) {
                    continue;
                }
                anyRule = true;
                if (admitsTraffic(r) && admitsPeer(g, r, peer, peerGroups)) {
                    forward.add(new PathComponent(forward.size() + 1, AnalysisComponent.of(g),
                            AnalysisComponent.of(vpc), AnalysisComponent.of(subnet), null, null, null, r, null));
                    return true;
                }
            }
        }
        List<AnalysisComponent> checked = new ArrayList<>(groups.length);
        for (SecurityGroup g : groups) {
            checked.add(AnalysisComponent.of(g));
        }
        explanations.add(Explanation.of(anyRule ? ExplanationCode.ENI_SG_RULES_MISMATCH : ExplanationCode.SG_HAS_NO_RULES,
                        Leg.FORWARD).direction(egress).component(checked.get(0)).securityGroups(checked)
                .vpc(AnalysisComponent.of(vpc)).subnet(AnalysisComponent.of(subnet)).address(peer)
                .port(query.destinationPort()).protocol(query.protocol()).build());
        return false;
    }

    private boolean admitsTraffic(SecurityGroupRule r) {
        String p = r.protocol();
        if (p.equals(Protocol.ALL)) {
            return true;
        }
        if (!p.equals(query.protocol())) {
            return false;
        }
        int port = query.destinationPort();
        return r.fromPort() == null || (port >= r.fromPort() && port <= r.toPort());
    }

    private boolean admitsPeer(SecurityGroup owner, SecurityGroupRule r, IpAddress peer, SecurityGroup[] peerGroups) {
        if (r.cidr() != null) {
            return Nets.contains(r.cidr(), peer);
        }
        SecurityGroupRule.GroupReference ref = r.referencedGroup();
        if (ref == null) {
            return false; // prefix lists: the simulator has none
        }
        if (peerGroups != null && !has(peerGroups, ref.groupId())) {
            return false;
        }
        SecurityGroup target = cloud.securityGroup(ref.groupId());
        if (target == null) {
            return false;
        }
        return target.vpcId().equals(owner.vpcId()) || (target.region().equals(owner.region())
                && cloud.activePeeringBetween(owner.vpcId(), target.vpcId(), now) != null);
    }

    private static boolean has(SecurityGroup[] groups, String id) {
        for (SecurityGroup g : groups) {
            if (g.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    // ---- path building and endings ----

    private static void add(List<PathComponent> path, AnalysisComponent component, Vpc vpc, Subnet subnet) {
        path.add(new PathComponent(path.size() + 1, component, AnalysisComponent.of(vpc), AnalysisComponent.of(subnet),
                null, null, null, null, null));
    }

    private static void addRoute(List<PathComponent> path, Hop hop, Vpc fromVpc, Subnet from) {
        path.add(new PathComponent(path.size() + 1, AnalysisComponent.of(hop.table()), AnalysisComponent.of(fromVpc),
                AnalysisComponent.of(from), null, null, new AnalysisRoute(hop.route(), hop.state()), null, null));
        PeeringConnection pcx = hop.peering();
        if (pcx != null) {
            path.add(new PathComponent(path.size() + 1, AnalysisComponent.of(pcx), null, null,
                    AnalysisComponent.of(fromVpc), AnalysisComponent.of(hop.vpc()), null, null, null));
        }
    }

    /** The table's route leads to another VPC than the one that holds the address the path names. */
    private Explanation routeElsewhere(Hop hop, Subnet from, Vpc fromVpc, IpAddress to, Leg leg) {
        AnalysisComponent rtb = hop.table() == null ? null : AnalysisComponent.of(hop.table());
        return Explanation.of(ExplanationCode.NO_ROUTE_TO_DESTINATION, leg).component(rtb).routeTable(rtb)
                .route(hop.route() == null ? null : new AnalysisRoute(hop.route(), hop.state()))
                .peering(hop.peering() == null ? null : AnalysisComponent.of(hop.peering()))
                .vpcs(AnalysisComponent.of(fromVpc), hop.vpc() == null ? null : AnalysisComponent.of(hop.vpc()))
                .vpc(AnalysisComponent.of(fromVpc)).subnet(AnalysisComponent.of(from)).address(to).build();
    }

    /**
     * After a forward routing failure: if the destination's VPC is known (named by the path, or a
     * peer of the source VPC holding the address) and no active peering joins it to the source VPC,
     * say so too.
     */
    private Analysis disconnected(Vpc srcVpc, Vpc wantedVpc, IpAddress dstIp) {
        Vpc dstVpc = wantedVpc != null ? wantedVpc : peerHolding(srcVpc, dstIp);
        if (dstVpc != null && dstVpc != srcVpc && cloud.activePeeringBetween(srcVpc.id(), dstVpc.id(), now) == null) {
            explanations.add(Explanation.of(ExplanationCode.DISCONNECTED_VPCS, Leg.FORWARD)
                    .component(AnalysisComponent.of(dstVpc))
                    .vpcs(AnalysisComponent.of(srcVpc), AnalysisComponent.of(dstVpc)).address(dstIp).build());
        }
        return notFound();
    }

    /** The VPC holding the address among the source VPC and its peers (any state), preferring an active peer. */
    private Vpc peerHolding(Vpc srcVpc, IpAddress address) {
        if (Nets.inVpc(srcVpc, address)) {
            return srcVpc;
        }
        Vpc found = null;
        for (String id : srcVpc.peeringIds()) {
            PeeringConnection p = cloud.peering(id);
            Vpc peer = p == null ? null : cloud.vpc(p.peerOf(srcVpc.id()).vpcId());
            if (peer != null && Nets.inVpc(peer, address)) {
                if (cloud.activePeeringBetween(srcVpc.id(), peer.id(), now) != null) {
                    return peer;
                }
                found = found == null ? peer : found;
            }
        }
        return found;
    }

    private <T> T missing(AnalysisComponent component, IpAddress address) {
        explanations.add(Explanation.of(ExplanationCode.NO_SOURCE_OR_DESTINATION, Leg.FORWARD).component(component)
                .address(address).build());
        return null;
    }

    private Analysis notFound() {
        return new Analysis(Analysis.SUCCEEDED, null, false, forward, back, explanations);
    }

    private Analysis unanalysable(String message) {
        return new Analysis(Analysis.FAILED, message, false, forward, List.of(), List.of());
    }
}

package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.CloudCredentials;
import io.peerdesk.domain.cloud.CloudNetwork;
import io.peerdesk.domain.cloud.Reachability;
import io.peerdesk.domain.cloud.ReachabilityQuery;
import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.Subnet;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.cloud.VpcPart;
import io.peerdesk.domain.contract.Prefix;
import io.peerdesk.domain.peering.PeeringLifecycle.FlowCheck;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every requested flow with the cloud's reachability analysis. A flow is a tcp or udp rule:
 * traffic from the other side into the rule's security group, on the rule's first port. It starts
 * in a subnet of the source VPC that the rule admits and whose route table got a planned route, and
 * goes to the first usable address of a subnet of the destination VPC that such a route leads to
 * and whose route table routes back. ICMP and all-traffic rules have no port to analyse, and the
 * analysis works within one Region only: such flows are listed as not analysable, not as failures.
 */
@Component
class Reachabilities {

    static final String NO_SUBNET = "NO_SUBNET_ON_PLANNED_ROUTES";

    /** Choosing a flow's ends takes the subnets and the route tables that serve them. */
    private static final Set<VpcPart> ENDS = EnumSet.of(VpcPart.SUBNETS, VpcPart.ROUTE_TABLES);

    private final CloudNetwork cloud;
    private final SideAccess sides;

    Reachabilities(CloudNetwork cloud, SideAccess sides) {
        this.cloud = cloud;
        this.sides = sides;
    }

    /** The flows analysed, and those that cannot be (named with the reason). */
    record Verification(List<FlowCheck> checks, List<String> notAnalysable) {

        List<FlowCheck> failures() {
            return checks.stream().filter(c -> !c.reachable()).toList();
        }
    }

    Verification verify(StoredRequest r) {
        return verify(r, r.routes(), r.rules());
    }

    /** The flows of {@code rules} over {@code routes}: a changed peering's plan as its change leaves it. */
    Verification verify(StoredRequest r, List<PlannedRoute> routes, List<PlannedRule> rules) {
        SideAccess.Sides access = sides.of(r);
        Map<PeeringSide, Vpc> vpcs = new EnumMap<>(PeeringSide.class);
        List<FlowCheck> checks = new ArrayList<>();
        List<String> notAnalysable = new ArrayList<>();
        for (PlannedRule rule : rules) {
            if (!rule.protocol().equals("tcp") && !rule.protocol().equals("udp")) {
                notAnalysable.add(rule.label() + " (only tcp and udp can be analysed)");
                continue;
            }
            if (!r.requester().end().region().equals(r.accepter().end().region())) {
                notAnalysable.add(rule.label() + " (the analysis works within one Region)");
                continue;
            }
            PeeringSide from = rule.side().other();
            Vpc source = vpcs.computeIfAbsent(from, side -> access.vpc(side, ENDS));
            Vpc destination = vpcs.computeIfAbsent(rule.side(), side -> access.vpc(side, ENDS));
            checks.add(check(access, routes, rule, source, destination));
        }
        return new Verification(checks, notAnalysable);
    }

    private FlowCheck check(SideAccess.Sides access, List<PlannedRoute> routes, PlannedRule rule, Vpc source, Vpc destination) {
        String flow = rule.traffic() + " from " + source.label() + " to " + destination.label() + " (" + rule.securityGroupId() + ")";
        Optional<Ends> ends = ends(routes, rule, source, destination);
        if (ends.isEmpty()) {
            return new FlowCheck(flow + ": no subnet on both ends is served by the planned routes", false, List.of(NO_SUBNET));
        }
        String address = Blocks.address(Blocks.of(ends.get().to().cidrBlock()).orElseThrow(), 4);
        PeeringSide from = rule.side().other();
        CloudCredentials credentials = access.credentials(from);
        ReachabilityQuery query = new ReachabilityQuery(ends.get().from().subnetId(), null, destination.vpcId(), address,
                rule.protocol(), rule.fromPort(), List.of(rule.securityGroupId()));
        Reachability result = CloudStep.call("analysing " + flow,
                () -> cloud.analyzeReachability(credentials, source.region(), query));
        String described = flow + ", " + ends.get().from().label() + " → " + address;
        if (!"succeeded".equals(result.status())) {
            return new FlowCheck(described + ": the analysis " + result.status() + " (" + result.statusMessage() + ")",
                    false, result.explanationCodes());
        }
        return new FlowCheck(described, result.reachable(), result.explanationCodes());
    }

    private record Ends(Subnet from, Subnet to) {
    }

    /** A source subnet and a destination subnet joined by planned routes both ways. */
    private static Optional<Ends> ends(List<PlannedRoute> routes, PlannedRule rule, Vpc source, Vpc destination) {
        PeeringSide from = rule.side().other();
        Optional<Prefix> admitted = Blocks.of(rule.sourceCidr());
        for (PlannedRoute out : routes) {
            if (out.side() != from) {
                continue;
            }
            for (Subnet src : source.subnets()) {
                if (!served(source, src, out.routeTableId()) || !within(src, admitted)) {
                    continue;
                }
                for (Subnet dst : destination.subnets()) {
                    if (within(dst, Blocks.of(out.destinationCidr())) && routesBack(routes, rule.side(), destination, dst, src)) {
                        return Optional.of(new Ends(src, dst));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean routesBack(List<PlannedRoute> routes, PeeringSide side, Vpc vpc, Subnet dst, Subnet src) {
        return routes.stream().filter(back -> back.side() == side)
                .anyMatch(back -> served(vpc, dst, back.routeTableId()) && within(src, Blocks.of(back.destinationCidr())));
    }

    /** Whether the subnet uses the table: its own association, else the VPC's main table. */
    private static boolean served(Vpc vpc, Subnet subnet, String tableId) {
        Optional<RouteTable> table = vpc.routeTables().stream().filter(t -> t.subnetIds().contains(subnet.subnetId()))
                .findFirst().or(() -> vpc.routeTables().stream().filter(RouteTable::main).findFirst());
        return table.map(t -> t.routeTableId().equals(tableId)).orElse(false);
    }

    private static boolean within(Subnet subnet, Optional<Prefix> block) {
        return block.isPresent() && Blocks.of(subnet.cidrBlock()).map(block.get()::contains).orElse(false);
    }
}

package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.InternetGateway;
import io.peerdesk.sim.cloud.PeeringConnection;
import io.peerdesk.sim.cloud.Route;
import io.peerdesk.sim.cloud.RouteTable;
import io.peerdesk.sim.cloud.Subnet;
import io.peerdesk.sim.cloud.Vpc;
import io.peerdesk.sim.net.IpAddress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows one subnet's route table to an address, as AWS does: the longest prefix wins; a blackhole
 * route goes nowhere; the local route delivers only inside the VPC; a peering connection delivers
 * only into the peer VPC's own blocks (so nothing is transitive and no peer gateway is usable);
 * an internet gateway leads out of the simulated VPCs.
 */
final class Router {

    private final Cloud cloud;
    private final Instant now;

    Router(Cloud cloud, Instant now) {
        this.cloud = cloud;
        this.now = now;
    }

    Hop route(Subnet from, Vpc fromVpc, IpAddress to, Leg leg) {
        RouteTable table = cloud.routeTableOf(from);
        Route route = longestPrefixMatch(table, to);
        if (route == null) {
            return Hop.failed(table, null, routeProblem(ExplanationCode.NO_ROUTE_TO_DESTINATION, leg, table, null, from,
                    fromVpc, to).build());
        }
        String state = cloud.routeState(route, fromVpc.id(), now);
        AnalysisRoute shown = new AnalysisRoute(route, state);
        if (route.vpcPeeringConnectionId() != null) {
            return throughPeering(table, route, shown, from, fromVpc, to, leg);
        }
        if (route.isLocal()) {
            if (!Nets.inVpc(fromVpc, to)) {
                return Hop.failed(table, route, routeProblem(ExplanationCode.VPC_LOCAL_ROUTE_CIDR_RESTRICTION, leg, table,
                        shown, from, fromVpc, to).cidrs(cidrs(fromVpc)).build());
            }
            return deliver(table, route, state, null, fromVpc, to, leg);
        }
        if (route.gatewayId() != null && route.gatewayId().startsWith("igw-")) {
            InternetGateway igw = cloud.internetGateway(route.gatewayId());
            AnalysisComponent gateway = igw == null ? AnalysisComponent.unresolved(route.gatewayId())
                    : AnalysisComponent.of(igw);
            if (!"active".equals(state)) {
                return Hop.failed(table, route, routeProblem(ExplanationCode.BAD_STATE_ROUTE, leg, table, shown, from,
                        fromVpc, to).internetGateway(gateway).state(igw == null ? "deleted" : "detached").build());
            }
            return Hop.failed(table, route, routeProblem(ExplanationCode.NO_PATH, leg, table, shown, from, fromVpc, to)
                    .component(gateway).internetGateway(gateway).build());
        }
        return Hop.failed(table, route, routeProblem(ExplanationCode.NO_ROUTE_TO_DESTINATION, leg, table, shown, from,
                fromVpc, to).build());
    }

    private Hop throughPeering(RouteTable table, Route route, AnalysisRoute shown, Subnet from, Vpc fromVpc,
                              IpAddress to, Leg leg) {
        PeeringConnection pcx = cloud.peering(route.vpcPeeringConnectionId());
        AnalysisComponent pcxComponent = pcx == null ? AnalysisComponent.unresolved(route.vpcPeeringConnectionId())
                : AnalysisComponent.of(pcx);
        Vpc peer = pcx == null ? null : cloud.vpc(pcx.peerOf(fromVpc.id()).vpcId());
        if (!"active".equals(shown.state()) || peer == null) {
            return Hop.failed(table, route, routeProblem(ExplanationCode.BAD_STATE_ROUTE, leg, table, shown, from,
                    fromVpc, to).peering(pcxComponent)
                    .state(pcx == null || peer == null ? "deleted" : pcx.stateAt(now).code()).build());
        }
        if (!Nets.inVpc(peer, to)) {
            return Hop.failed(table, route, Explanation.of(ExplanationCode.PCX_REQUIRES_ADDRESS_IN_VPC_CIDR, leg)
                    .component(pcxComponent).peering(pcxComponent)
                    .vpcs(AnalysisComponent.of(fromVpc), AnalysisComponent.of(peer))
                    .vpc(AnalysisComponent.of(fromVpc)).subnet(AnalysisComponent.of(from))
                    .routeTable(AnalysisComponent.of(table)).route(shown)
                    .address(to).cidrs(cidrs(peer)).build());
        }
        if (!peer.region().equals(fromVpc.region())) {
            return Hop.outOfRegion("Source and destination must be in the same Region: " + fromVpc.id() + " ("
                    + fromVpc.region() + ") reaches " + to + " through inter-Region peering connection " + pcx.id()
                    + " to " + peer.id() + " (" + peer.region() + ").");
        }
        return deliver(table, route, shown.state(), pcx, peer, to, leg);
    }

    private Hop deliver(RouteTable table, Route route, String state, PeeringConnection pcx, Vpc vpc, IpAddress to,
                        Leg leg) {
        Subnet subnet = Nets.subnetOf(cloud, vpc, to);
        if (subnet == null) {
            AnalysisComponent target = AnalysisComponent.of(vpc);
            return new Hop(table, route, state, pcx, vpc, null, Explanation.of(ExplanationCode.NO_SOURCE_OR_DESTINATION,
                    leg).component(target).vpc(target).address(to).cidrs(cidrs(vpc)).build(), null);
        }
        return Hop.reached(table, route, state, pcx, vpc, subnet);
    }

    /** Longest prefix match without allocating; local routes can never be out-ranked by a peering route. */
    static Route longestPrefixMatch(RouteTable table, IpAddress address) {
        Route best = null;
        for (Route r : table.routes()) {
            if (Nets.contains(r.destination(), address)
                    && (best == null || r.destination().prefix() > best.destination().prefix())) {
                best = r;
            }
        }
        return best;
    }

    private static Explanation.Builder routeProblem(ExplanationCode code, Leg leg, RouteTable table, AnalysisRoute route,
                                                    Subnet from, Vpc fromVpc, IpAddress to) {
        AnalysisComponent rtb = AnalysisComponent.of(table);
        return Explanation.of(code, leg).component(rtb).routeTable(rtb).route(route)
                .vpc(AnalysisComponent.of(fromVpc)).subnet(AnalysisComponent.of(from)).address(to);
    }

    private static List<String> cidrs(Vpc vpc) {
        List<String> out = new ArrayList<>();
        vpc.ipv4Blocks().forEach(b -> out.add(b.cidr().toString()));
        return out;
    }
}

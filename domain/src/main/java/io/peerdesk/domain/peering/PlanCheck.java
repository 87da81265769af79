package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.RuleDirection;
import io.peerdesk.domain.cloud.SecurityGroup;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.contract.PortRule;
import io.peerdesk.domain.contract.Prefix;
import io.peerdesk.domain.contract.Protocol;
import io.peerdesk.domain.peering.PeeringCheck.Case;
import io.peerdesk.domain.peering.PeeringCheck.Side;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes and rules of a request: each route in a table of its own side's VPC, to a destination
 * inside the other VPC that the contract lets the other side expose and that the own VPC's local
 * route does not shadow, in a table with room; each rule in a group of its own side's VPC, for
 * traffic the contract allows, from inside the other VPC, in a group with room. Both sides need
 * a route: routing is not symmetric.
 */
final class PlanCheck {

    private final Case c;
    private final PeeringProperties limits;
    private final List<PeeringProblem> problems;

    PlanCheck(Case c, PeeringProperties limits, List<PeeringProblem> problems) {
        this.c = c;
        this.limits = limits;
        this.problems = problems;
    }

    void check() {
        for (PeeringSide side : PeeringSide.values()) {
            if (c.newPeering() && c.routes().stream().noneMatch(r -> r != null && r.side() == side)) {
                problems.add(new PeeringProblem("routes", "Add a route on the " + side.label() + " side ("
                        + c.side(side).label() + ") to the other VPC: traffic needs a way there and back."));
            }
        }
        Map<String, Integer> adding = new HashMap<>();
        for (int i = 0; i < c.routes().size(); i++) {
            route(i, c.routes().get(i), adding);
        }
        tableRoom(adding);
        adding.clear();
        for (int i = 0; i < c.rules().size(); i++) {
            rule(i, c.rules().get(i), adding);
        }
        groupRoom(adding);
    }

    private void route(int i, PlannedRoute route, Map<String, Integer> adding) {
        String field = "routes[" + i + "]";
        if (route.side() == null || route.routeTableId() == null || route.routeTableId().isBlank()) {
            problems.add(new PeeringProblem(field, "Choose the side and the route table of the route."));
            return;
        }
        Side own = c.side(route.side());
        Side peer = c.side(route.side().other());
        if (c.routes().subList(0, i).contains(route)) {
            problems.add(new PeeringProblem(field, route.label() + " is listed twice: remove one."));
            return;
        }
        Optional<RouteTable> table = own.vpc().routeTables().stream()
                .filter(t -> t.routeTableId().equals(route.routeTableId())).findFirst();
        if (table.isEmpty()) {
            problems.add(new PeeringProblem(field, "Route table " + route.routeTableId() + " is not in " + own.label()
                    + " (the " + route.side().label() + "'s VPC): choose one of " + tables(own.vpc()) + "."));
        }
        Prefix destination = prefix(field, "destination", route.destinationCidr());
        if (destination == null) {
            return;
        }
        destination(field, route, destination, own, peer);
        table.ifPresent(t -> existingRoute(field, t, destination));
        table.ifPresent(t -> adding.merge(t.routeTableId() + (destination.v6() ? "|6" : "|4"), 1, Integer::sum));
    }

    private void destination(String field, PlannedRoute route, Prefix destination, Side own, Side peer) {
        List<Prefix> peerBlocks = Blocks.of(peer.vpc().cidrBlocks());
        if (!Blocks.inside(destination, peerBlocks)) {
            problems.add(new PeeringProblem(field, destination + " is not inside " + peer.label() + " ("
                    + Blocks.list(peerBlocks) + "): a route through the peering can only lead into the other VPC."));
        }
        Blocks.overlapping(destination, Blocks.of(own.vpc().cidrBlocks())).ifPresent(block -> problems.add(
                new PeeringProblem(field, destination + " overlaps " + own.label() + "'s own block " + block
                        + ": the VPC's local route keeps that traffic inside, so it can never reach the peering.")));
        if (c.contract() != null && !c.contract().allowsPrefix(peer.tenant(), destination)) {
            problems.add(new PeeringProblem(field, "The contract lets " + peer.tenantName() + " expose only "
                    + Blocks.list(c.contract().prefixesOf(peer.tenant())) + "; " + destination
                    + " is outside them. Route only to those prefixes."));
        }
    }

    private void existingRoute(String field, RouteTable table, Prefix destination) {
        table.routes().stream().filter(r -> Blocks.of(r.destination()).map(destination::equals).orElse(false))
                .filter(r -> !"local".equals(r.target())).findFirst()
                .ifPresent(r -> problems.add(new PeeringProblem(field, "Route table " + table.label() + " already routes "
                        + destination + " to " + r.target() + (r.blackhole() ? " (a blackhole)" : "")
                        + ": remove that route or choose another destination.")));
    }

    private void tableRoom(Map<String, Integer> adding) {
        adding.forEach((key, count) -> {
            String tableId = key.substring(0, key.indexOf('|'));
            boolean v6 = key.endsWith("6");
            for (PeeringSide side : PeeringSide.values()) {
                c.side(side).vpc().routeTables().stream().filter(t -> t.routeTableId().equals(tableId)).findFirst()
                        .ifPresent(t -> {
                            long used = t.routes().stream().filter(r -> !"local".equals(r.target()))
                                    .filter(r -> r.destination().contains(":") == v6).count();
                            if (used + count > limits.routesPerTable()) {
                                problems.add(new PeeringProblem("routes", "Route table " + t.label() + " has " + used
                                        + " of its " + limits.routesPerTable() + " routes and this request adds " + count
                                        + ": remove routes there or use another table."));
                            }
                        });
            }
        });
    }

    private void rule(int i, PlannedRule rule, Map<String, Integer> adding) {
        String field = "rules[" + i + "]";
        if (rule.side() == null || rule.securityGroupId() == null || rule.securityGroupId().isBlank()) {
            problems.add(new PeeringProblem(field, "Choose the side and the security group of the rule."));
            return;
        }
        Side own = c.side(rule.side());
        Side peer = c.side(rule.side().other());
        if (c.rules().subList(0, i).contains(rule)) {
            problems.add(new PeeringProblem(field, rule.label() + " is listed twice: remove one."));
            return;
        }
        Optional<SecurityGroup> group = own.vpc().securityGroups().stream()
                .filter(g -> g.groupId().equals(rule.securityGroupId())).findFirst();
        if (group.isEmpty()) {
            problems.add(new PeeringProblem(field, "Security group " + rule.securityGroupId() + " is not in " + own.label()
                    + " (the " + rule.side().label() + "'s VPC): choose one of " + groups(own.vpc()) + "."));
        }
        traffic(field, rule);
        Prefix source = prefix(field, "source", rule.sourceCidr());
        if (source != null && !Blocks.inside(source, Blocks.of(peer.vpc().cidrBlocks()))) {
            problems.add(new PeeringProblem(field, "The source " + source + " reaches beyond " + peer.label() + " ("
                    + Blocks.list(Blocks.of(peer.vpc().cidrBlocks())) + "): allow traffic only from the other VPC."));
        }
        if (source != null) {
            group.ifPresent(g -> adding.merge(g.groupId() + (source.v6() ? "|6" : "|4"), 1, Integer::sum));
        }
    }

    private void traffic(String field, PlannedRule rule) {
        Protocol protocol = Protocol.fromCode(rule.protocol());
        if (protocol == null) {
            problems.add(new PeeringProblem(field, "'" + rule.protocol() + "' is no protocol: choose tcp, udp, icmp or all."));
            return;
        }
        try {
            PortRule ports = PortRule.of(protocol, rule.fromPort(), rule.toPort());
            if (c.contract() != null && !c.contract().allowsTraffic(protocol,
                    ports.fromPort() == null ? 0 : ports.fromPort(), ports.toPort() == null ? 0 : ports.toPort())) {
                problems.add(new PeeringProblem(field, ports + " is not allowed by the contract, which allows "
                        + Blocks.list(c.contract().ports()) + ": ask only for allowed traffic."));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new PeeringProblem(field, e.getMessage()));
        }
    }

    private void groupRoom(Map<String, Integer> adding) {
        adding.forEach((key, count) -> {
            String groupId = key.substring(0, key.indexOf('|'));
            boolean v6 = key.endsWith("6");
            for (PeeringSide side : PeeringSide.values()) {
                c.side(side).vpc().securityGroups().stream().filter(g -> g.groupId().equals(groupId)).findFirst()
                        .ifPresent(g -> {
                            long used = g.rules(RuleDirection.INGRESS).stream()
                                    .filter(r -> r.cidr() == null || r.cidr().contains(":") == v6).count();
                            if (used + count > limits.rulesPerGroup()) {
                                problems.add(new PeeringProblem("rules", "Security group " + g.name() + " (" + g.groupId()
                                        + ") has " + used + " of its " + limits.rulesPerGroup() + " inbound rules and this"
                                        + " request adds " + count + ": remove rules there or use another group."));
                            }
                        });
            }
        });
    }

    private Prefix prefix(String field, String what, String cidr) {
        if (cidr == null || cidr.isBlank()) {
            problems.add(new PeeringProblem(field, "Give the " + what + " as a CIDR block, e.g. 10.20.0.0/16."));
            return null;
        }
        try {
            return Prefix.parse(cidr);
        } catch (IllegalArgumentException e) {
            problems.add(new PeeringProblem(field, "The " + what + " " + e.getMessage()));
            return null;
        }
    }

    private static String tables(Vpc vpc) {
        return vpc.routeTables().isEmpty() ? "its route tables (it has none)" : Blocks.list(vpc.routeTables().stream()
                .map(t -> t.routeTableId() + (t.name() == null ? "" : " (" + t.name() + ")")).toList());
    }

    private static String groups(Vpc vpc) {
        return vpc.securityGroups().isEmpty() ? "its security groups (it has none)" : Blocks.list(vpc.securityGroups()
                .stream().map(g -> g.groupId() + " (" + g.name() + ")").toList());
    }
}

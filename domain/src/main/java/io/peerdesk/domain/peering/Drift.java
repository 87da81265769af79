package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.IngressRule;
import io.peerdesk.domain.cloud.Route;
import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.RuleDirection;
import io.peerdesk.domain.cloud.SecurityGroup;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.cloud.VpcPart;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares what the portal recorded as applied with the cloud as it is now: a recorded route that
 * is gone or leads elsewhere, or a recorded rule that is gone, means someone changed the peering
 * outside the portal. The portal then changes nothing and lists every difference.
 */
final class Drift {

    /** What the portal applies: routes in route tables, rules in security groups. */
    private static final Set<VpcPart> PARTS = EnumSet.of(VpcPart.ROUTE_TABLES, VpcPart.SECURITY_GROUPS);

    private final SideAccess.Sides sides;

    Drift(SideAccess.Sides sides) {
        this.sides = sides;
    }

    void check(StoredRequest r) {
        List<String> differences = differences(r);
        if (!differences.isEmpty()) {
            throw new PeeringStepFailed(PeeringStepFailed.DRIFT, "The cloud no longer holds what the portal applied: "
                    + String.join("; ", differences) + ". Nothing was changed; restore these or let the request fail.");
        }
    }

    List<String> differences(StoredRequest r) {
        Map<PeeringSide, Vpc> vpcs = new EnumMap<>(PeeringSide.class);
        List<String> differences = new ArrayList<>();
        for (AppliedEntry entry : r.inPlace()) {
            Vpc vpc = vpcs.computeIfAbsent(entry.side(), side -> sides.vpc(side, PARTS));
            (entry.kind() == AppliedEntry.Kind.ROUTE ? route(vpc, entry) : rule(vpc, entry)).ifPresent(differences::add);
        }
        return differences;
    }

    private static Optional<String> route(Vpc vpc, AppliedEntry entry) {
        Optional<RouteTable> table = vpc.routeTables().stream()
                .filter(t -> t.routeTableId().equals(entry.resourceId())).findFirst();
        if (table.isEmpty()) {
            return Optional.of("route table " + entry.resourceId() + " (" + entry.side().label() + ") no longer exists");
        }
        Optional<Route> route = table.get().routes().stream().filter(x -> x.destination().equals(entry.cidr())).findFirst();
        if (route.isEmpty()) {
            return Optional.of(entry.label() + " is missing");
        }
        if (!route.get().target().equals(entry.target())) {
            return Optional.of("the route " + entry.cidr() + " in " + entry.resourceId() + " (" + entry.side().label()
                    + ") now leads to " + route.get().target() + ", not to " + entry.target());
        }
        return Optional.empty();
    }

    private static Optional<String> rule(Vpc vpc, AppliedEntry entry) {
        Optional<SecurityGroup> group = vpc.securityGroups().stream()
                .filter(g -> g.groupId().equals(entry.resourceId())).findFirst();
        if (group.isEmpty()) {
            return Optional.of("security group " + entry.resourceId() + " (" + entry.side().label() + ") no longer exists");
        }
        IngressRule expected = Rules.ingress(entry);
        boolean present = group.get().rules(RuleDirection.INGRESS).stream().anyMatch(expected::sameAs);
        return present ? Optional.empty() : Optional.of(entry.label() + " is missing");
    }
}

package io.peerdesk.domain.peering;

import java.time.Instant;
import java.util.UUID;

/**
 * Something provisioning created in the cloud for a peering: a route ({@code resourceId} the route
 * table, {@code cidr} the destination, {@code target} the connection) or an inbound rule
 * ({@code resourceId} the security group, {@code cidr} the source, the traffic and the cloud's rule
 * id). Compensation and teardown remove exactly these; {@code removedAt} says when one was removed.
 */
public record AppliedEntry(UUID id, Kind kind, PeeringSide side, String resourceId, String cidr, String target,
                           String protocol, Integer fromPort, Integer toPort, String cloudRuleId, Instant appliedAt,
                           Instant removedAt) {

    public enum Kind { ROUTE, RULE }

    public boolean removed() {
        return removedAt != null;
    }

    /** E.g. {@code route 10.20.0.0/16 → pcx-1 in rtb-2 (requester)} or {@code rule tcp 443 from 10.10.0.0/16 in sg-3 (accepter)}. */
    public String label() {
        if (kind == Kind.ROUTE) {
            return "route " + cidr + " → " + target + " in " + resourceId + " (" + side.label() + ")";
        }
        return "rule " + new PlannedRule(side, resourceId, protocol, fromPort, toPort, cidr).traffic() + " from " + cidr
                + " in " + resourceId + " (" + side.label() + ")";
    }

    boolean isRoute(PlannedRoute route) {
        return kind == Kind.ROUTE && side == route.side() && resourceId.equals(route.routeTableId())
                && cidr.equals(route.destinationCidr());
    }

    boolean isRule(PlannedRule rule) {
        return kind == Kind.RULE && side == rule.side() && resourceId.equals(rule.securityGroupId())
                && cidr.equals(rule.sourceCidr()) && protocol.equals(rule.protocol())
                && java.util.Objects.equals(fromPort, rule.fromPort()) && java.util.Objects.equals(toPort, rule.toPort());
    }
}

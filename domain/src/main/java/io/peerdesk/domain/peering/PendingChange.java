package io.peerdesk.domain.peering;

import java.time.Instant;
import java.util.List;

/** A proposed change of an active peering as both sides see it: who proposed it and what it adds and removes. */
public record PendingChange(PeeringSide proposedBy, String requestedBy, Instant requestedAt, String reason,
                            List<PlannedRoute> addRoutes, List<PlannedRoute> removeRoutes, List<PlannedRule> addRules,
                            List<PlannedRule> removeRules) {

    public PendingChange {
        addRoutes = List.copyOf(addRoutes);
        removeRoutes = List.copyOf(removeRoutes);
        addRules = List.copyOf(addRules);
        removeRules = List.copyOf(removeRules);
    }
}

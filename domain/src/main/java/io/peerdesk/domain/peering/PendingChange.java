package io.peerdesk.domain.peering;

import java.time.Instant;
import java.util.List;

/**
 * A proposed change of an active peering as both sides see it: its id (the change process carries
 * it: start the process with this id), who proposed it, what it adds and removes, and the other
 * side's decision once taken (null until then), whether that side's security review follows its
 * approval, and the review's decision once taken.
 */
public record PendingChange(ChangeId id, PeeringSide proposedBy, String requestedBy, Instant requestedAt, String reason,
                            PeeringDecision decision, boolean reviewNeeded, PeeringDecision review,
                            List<PlannedRoute> addRoutes, List<PlannedRoute> removeRoutes,
                            List<PlannedRule> addRules, List<PlannedRule> removeRules) {

    public PendingChange {
        addRoutes = List.copyOf(addRoutes);
        removeRoutes = List.copyOf(removeRoutes);
        addRules = List.copyOf(addRules);
        removeRules = List.copyOf(removeRules);
    }
}

package io.peerdesk.domain.peering;

import java.util.List;

/**
 * A change of an active peering's routes and rules: entries to add (checked like a new request's)
 * and entries of the current plan to remove, with the reason the other side reads.
 */
public record PeeringChange(List<PlannedRoute> addRoutes, List<PlannedRoute> removeRoutes, List<PlannedRule> addRules,
                            List<PlannedRule> removeRules, String reason) {

    public PeeringChange {
        addRoutes = addRoutes == null ? List.of() : List.copyOf(addRoutes);
        removeRoutes = removeRoutes == null ? List.of() : List.copyOf(removeRoutes);
        addRules = addRules == null ? List.of() : List.copyOf(addRules);
        removeRules = removeRules == null ? List.of() : List.copyOf(removeRules);
    }

    public boolean isEmpty() {
        return addRoutes.isEmpty() && removeRoutes.isEmpty() && addRules.isEmpty() && removeRules.isEmpty();
    }
}

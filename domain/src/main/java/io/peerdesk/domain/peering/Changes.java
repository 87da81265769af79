package io.peerdesk.domain.peering;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Carries a change of an active peering out in the cloud, and back: with provisioning's and
 * dismantling's machinery, so what the cloud applied or removed is recorded before the step ends or
 * fails, and a retried step continues where the last attempt stopped.
 */
@Component
class Changes {

    static final String ADD = "ADD";
    static final String REMOVE = "REMOVE";

    private final Provisioning provisioning;
    private final Dismantling dismantling;
    private final SideAccess sides;

    Changes(Provisioning provisioning, Dismantling dismantling, SideAccess sides) {
        this.provisioning = provisioning;
        this.dismantling = dismantling;
        this.sides = sides;
    }

    /** What one call did: entries applied and entries removed. */
    record Outcome(int applied, int removed) {
    }

    /**
     * Checks that the cloud still holds what is recorded (else changes nothing), adds what the change
     * adds, then removes what it removes: only entries the portal recorded, never a rule the group
     * had before the peering.
     */
    Outcome apply(StoredRequest r) {
        SideAccess.Sides access = sides.of(r);
        new Drift(access).check(r);
        int applied = provisioning.applyMissing(r, access, r.changedRoutes(ADD), r.changedRules(ADD)).size();
        int removed = dismantling.remove(r, access, inPlace(r, r.changedRoutes(REMOVE), r.changedRules(REMOVE)));
        return new Outcome(applied, removed);
    }

    /**
     * Back to the approved plan: removes what of the change's additions is in place (newest first),
     * then restores what of its removals the portal had removed. A change never applied needs nothing.
     */
    Outcome revert(StoredRequest r) {
        SideAccess.Sides access = sides.of(r);
        List<AppliedEntry> added = new ArrayList<>(inPlace(r, r.changedRoutes(ADD), r.changedRules(ADD)));
        Collections.reverse(added);
        int removed = dismantling.remove(r, access, added);
        List<PlannedRoute> routes = r.changedRoutes(REMOVE).stream().filter(x -> wasRemoved(r, x)).toList();
        List<PlannedRule> rules = r.changedRules(REMOVE).stream().filter(x -> wasRemoved(r, x)).toList();
        int restored = provisioning.applyMissing(r, access, routes, rules).size();
        return new Outcome(restored, removed);
    }

    /** The recorded entries in place for these planned routes and rules, in the order they were applied. */
    private static List<AppliedEntry> inPlace(StoredRequest r, List<PlannedRoute> routes, List<PlannedRule> rules) {
        return r.inPlace().stream().filter(a -> routes.stream().anyMatch(a::isRoute) || rules.stream().anyMatch(a::isRule))
                .toList();
    }

    private static boolean wasRemoved(StoredRequest r, PlannedRoute route) {
        return r.inPlace().stream().noneMatch(a -> a.isRoute(route))
                && r.applied().stream().anyMatch(a -> a.removed() && a.isRoute(route));
    }

    private static boolean wasRemoved(StoredRequest r, PlannedRule rule) {
        return r.inPlace().stream().noneMatch(a -> a.isRule(rule))
                && r.applied().stream().anyMatch(a -> a.removed() && a.isRule(rule));
    }
}

package io.peerdesk.domain.peering;

import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.inventory.CloudAccountId;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.TenantId;

import java.time.Instant;
import java.util.List;

/** A peering request as stored, with everything the steps need (tenants, accounts, plan, applied entries). */
record StoredRequest(PeeringRequestId id, ContractId contract, Party requester, Party accepter, PeeringState state,
                     String pcxId, Instant connectionExpiresAt, String createdBy, Instant createdAt, Instant updatedAt,
                     PeeringDecision approval, PeeringDecision review, Closing closing, Change change,
                     String failureReason, int version, List<Planned<PlannedRoute>> routePlan,
                     List<Planned<PlannedRule>> rulePlan, List<AppliedEntry> applied) {

    /** A side's tenant, the account the portal acts with there, and the VPC. */
    record Party(TenantId tenant, CloudAccountId account, PeeringEnd end) {
    }

    record Closing(String requestedBy, Instant requestedAt, String reason) {
    }

    /**
     * The last change proposed on the peering: pending while the state is CHANGING, its decision
     * once the other side took it, whether that side's security review follows the approval and its
     * decision, and {@code outcome} (APPLIED or REVERTED, with the reason) once it ended.
     */
    record Change(ChangeId id, PeeringSide side, String requestedBy, Instant requestedAt, String reason,
                  PeeringDecision decision, boolean reviewNeeded, PeeringDecision review, String outcome,
                  String outcomeReason) {

        boolean ended() {
            return outcome != null;
        }

        /** Approved, and passed the security review if one was needed. */
        boolean approved() {
            return decision != null && decision.approved() && (!reviewNeeded || (review != null && review.approved()));
        }

        /** Every decision it waits for was taken (a rejection ends the wait). */
        boolean decided() {
            return decision != null && (!decision.approved() || !reviewNeeded || review != null);
        }

        /** Approved, and the security review not yet decided. */
        boolean inReview() {
            return decision != null && decision.approved() && reviewNeeded && review == null;
        }
    }

    /** A planned route or rule; {@code change} is null for the approved plan, else ADD or REMOVE while a change is pending. */
    record Planned<T>(T item, String change) {
    }

    Party party(PeeringSide side) {
        return side == PeeringSide.REQUESTER ? requester : accepter;
    }

    /** The viewer's side; a tenant that is neither party finds nothing. */
    PeeringSide sideOf(TenantId tenant) {
        if (requester.tenant().equals(tenant)) {
            return PeeringSide.REQUESTER;
        }
        if (accepter.tenant().equals(tenant)) {
            return PeeringSide.ACCEPTER;
        }
        throw new NotFound("Peering request", id);
    }

    /** The routes of the approved plan (including those a pending change would remove). */
    List<PlannedRoute> routes() {
        return routePlan.stream().filter(p -> !"ADD".equals(p.change())).map(Planned::item).toList();
    }

    List<PlannedRule> rules() {
        return rulePlan.stream().filter(p -> !"ADD".equals(p.change())).map(Planned::item).toList();
    }

    /** The routes the pending change adds ({@code "ADD"}) or removes ({@code "REMOVE"}). */
    List<PlannedRoute> changedRoutes(String change) {
        return marked(routePlan, change);
    }

    List<PlannedRule> changedRules(String change) {
        return marked(rulePlan, change);
    }

    /** The routes of the plan as the pending change would leave it: without its removals, with its additions. */
    List<PlannedRoute> routesAfterChange() {
        return routePlan.stream().filter(p -> !"REMOVE".equals(p.change())).map(Planned::item).toList();
    }

    List<PlannedRule> rulesAfterChange() {
        return rulePlan.stream().filter(p -> !"REMOVE".equals(p.change())).map(Planned::item).toList();
    }

    /** The change pending now (state CHANGING), if any. */
    Change pending() {
        return state == PeeringState.CHANGING && change != null && !change.ended() ? change : null;
    }

    List<AppliedEntry> inPlace() {
        return applied.stream().filter(a -> !a.removed()).toList();
    }

    /** Whether the decision the current state waits for has been made. */
    boolean decided() {
        return (state == PeeringState.PENDING_APPROVAL && approval != null)
                || (state == PeeringState.SECURITY_REVIEW && review != null)
                || (pending() != null && pending().decided());
    }

    WaitingOn waitingOn() {
        return WaitingOn.of(state, decided(), change == null ? null : change.side());
    }

    /** The request as {@code viewer}'s tenant sees it, with the checks run on it. */
    PeeringRequest viewedBy(TenantId viewer, List<PeeringCheckResult> checks) {
        PeeringSide side = sideOf(viewer);
        PeeringEnd requesterEnd = side == PeeringSide.REQUESTER ? requester.end() : requester.end().withoutLink();
        PeeringEnd accepterEnd = side == PeeringSide.ACCEPTER ? accepter.end() : accepter.end().withoutLink();
        return new PeeringRequest(id, side, state, waitingOn(), contract, requesterEnd, accepterEnd, pcxId,
                connectionExpiresAt, createdBy, createdAt, updatedAt, approval, review,
                closing == null ? null : closing.reason(), failureReason, routes(), rules(), applied, pendingChange(),
                checks);
    }

    private PendingChange pendingChange() {
        Change change = pending();
        if (change == null) {
            return null;
        }
        return new PendingChange(change.id(), change.side(), change.requestedBy(), change.requestedAt(), change.reason(),
                change.decision(), change.reviewNeeded(), change.review(), marked(routePlan, "ADD"), marked(routePlan, "REMOVE"), marked(rulePlan, "ADD"),
                marked(rulePlan, "REMOVE"));
    }

    private static <T> List<T> marked(List<Planned<T>> plan, String change) {
        return plan.stream().filter(p -> change.equals(p.change())).map(Planned::item).toList();
    }
}

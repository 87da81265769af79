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

    record Change(PeeringSide side, String requestedBy, Instant requestedAt, String reason) {
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

    List<AppliedEntry> inPlace() {
        return applied.stream().filter(a -> !a.removed()).toList();
    }

    /** Whether the decision the current state waits for has been made. */
    boolean decided() {
        return (state == PeeringState.PENDING_APPROVAL && approval != null)
                || (state == PeeringState.SECURITY_REVIEW && review != null);
    }

    WaitingOn waitingOn() {
        return WaitingOn.of(state, decided(), change == null ? null : change.side());
    }

    /** The request as {@code viewer}'s tenant sees it. */
    PeeringRequest viewedBy(TenantId viewer) {
        PeeringSide side = sideOf(viewer);
        PeeringEnd requesterEnd = side == PeeringSide.REQUESTER ? requester.end() : requester.end().withoutLink();
        PeeringEnd accepterEnd = side == PeeringSide.ACCEPTER ? accepter.end() : accepter.end().withoutLink();
        return new PeeringRequest(id, side, state, waitingOn(), contract, requesterEnd, accepterEnd, pcxId,
                connectionExpiresAt, createdBy, createdAt, updatedAt, approval, review,
                closing == null ? null : closing.reason(), failureReason, routes(), rules(), applied, pendingChange());
    }

    private PendingChange pendingChange() {
        if (change == null) {
            return null;
        }
        return new PendingChange(change.side(), change.requestedBy(), change.requestedAt(), change.reason(),
                marked(routePlan, "ADD"), marked(routePlan, "REMOVE"), marked(rulePlan, "ADD"), marked(rulePlan, "REMOVE"));
    }

    private static <T> List<T> marked(List<Planned<T>> plan, String change) {
        return plan.stream().filter(p -> change.equals(p.change())).map(Planned::item).toList();
    }
}

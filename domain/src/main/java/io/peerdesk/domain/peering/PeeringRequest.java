package io.peerdesk.domain.peering;

import io.peerdesk.domain.contract.ContractId;

import java.time.Instant;
import java.util.List;

/**
 * A peering request (and the peering it becomes) as one of its two parties sees it: both VPCs,
 * the routes and rules planned and what was applied, the connection, the decisions and whose move
 * it is. {@code yourSide} is the viewer's side; the other side's portal links are left out.
 * Nullable: {@code pcxId} and {@code connectionExpiresAt} until the connection is requested,
 * {@code approval}/{@code review} until decided, {@code closingReason}, {@code failureReason},
 * {@code pendingChange}. {@code checks}: the validations and reachability analyses run on it, in order.
 */
public record PeeringRequest(PeeringRequestId id, PeeringSide yourSide, PeeringState state, WaitingOn waitingOn,
                             ContractId contract, PeeringEnd requester, PeeringEnd accepter, String pcxId,
                             Instant connectionExpiresAt, String createdBy, Instant createdAt, Instant updatedAt,
                             PeeringDecision approval, PeeringDecision review, String closingReason,
                             String failureReason, List<PlannedRoute> routes, List<PlannedRule> rules,
                             List<AppliedEntry> applied, PendingChange pendingChange,
                             List<PeeringCheckResult> checks) {

    public PeeringRequest {
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
        applied = List.copyOf(applied);
        checks = List.copyOf(checks);
    }

    /** The viewer's own side. */
    public PeeringEnd yours() {
        return yourSide == PeeringSide.REQUESTER ? requester : accepter;
    }

    /** The partner's side. */
    public PeeringEnd partners() {
        return yourSide == PeeringSide.REQUESTER ? accepter : requester;
    }

    /** Whether the viewer's side is the one the request waits for. */
    public boolean waitingOnYou() {
        return (waitingOn == WaitingOn.ACCEPTER && yourSide == PeeringSide.ACCEPTER)
                || (waitingOn == WaitingOn.REQUESTER && yourSide == PeeringSide.REQUESTER);
    }

    /** What is in the cloud now (applied and not removed again). */
    public List<AppliedEntry> inPlace() {
        return applied.stream().filter(a -> !a.removed()).toList();
    }
}

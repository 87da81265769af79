package io.peerdesk.domain.peering;

/** Whose move it is on a peering request. */
public enum WaitingOn {
    /** The requester's side: a change the accepter proposed awaits it. */
    REQUESTER,
    /** The accepter's approvers or security reviewers. */
    ACCEPTER,
    /** The portal: it is requesting, provisioning, verifying or removing something. */
    PORTAL,
    /** Nobody: active, or ended. */
    NOBODY;

    /** {@code decided}: the pending approval or review has its decision; {@code changeSide}: who proposed a change. */
    static WaitingOn of(PeeringState state, boolean decided, PeeringSide changeSide) {
        return switch (state) {
            case PENDING_APPROVAL, SECURITY_REVIEW -> decided ? PORTAL : ACCEPTER;
            case CHANGING -> changeSide == PeeringSide.ACCEPTER ? REQUESTER : ACCEPTER;
            case SUBMITTED, PROVISIONING, VERIFYING, TEARING_DOWN -> PORTAL;
            default -> NOBODY;
        };
    }
}

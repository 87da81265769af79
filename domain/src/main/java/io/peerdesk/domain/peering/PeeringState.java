package io.peerdesk.domain.peering;

/**
 * Where a peering request stands. The workflow moves it; every transition is audited and shown on
 * the timeline both parties see.
 */
public enum PeeringState {
    /** Filed and validated; the connection is being requested in the requester's account. */
    SUBMITTED(false),
    /** The connection exists (pending-acceptance); the accepter's approvers decide before the deadline. */
    PENDING_APPROVAL(false),
    /** Approved by the accepter; a security reviewer of the accepter decides. */
    SECURITY_REVIEW(false),
    /** Approved; the portal accepts the connection and applies routes and rules on both sides. */
    PROVISIONING(false),
    /** Applied; reachability analysis checks every requested flow. */
    VERIFYING(false),
    /** Built and verified. */
    ACTIVE(false),
    /** A change of routes or ports on an active peering awaits the other side's approval or is being applied. */
    CHANGING(false),
    /** Being torn down: routes and rules removed on both sides, connection deleted. */
    TEARING_DOWN(false),
    REJECTED(true),
    CANCELLED(true),
    EXPIRED(true),
    /** Provisioning or verification failed; what was applied has been removed. */
    FAILED(true),
    /** Torn down: nothing of it remains in the cloud. */
    DELETED(true);

    private final boolean terminal;

    PeeringState(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }
}

package io.peerdesk.domain.peering;

/**
 * Which of a tenant's peerings to list: {@code side} (null: both directions; REQUESTER: the ones it
 * asked for; ACCEPTER: its inbox), {@code state} (null: any), {@code openOnly} (leave out ended
 * ones), {@code waitingOnMe} (only those waiting for the tenant's move).
 */
public record PeeringFilter(PeeringSide side, PeeringState state, boolean openOnly, boolean waitingOnMe) {

    public static PeeringFilter all() {
        return new PeeringFilter(null, null, false, false);
    }

    /** The approval inbox: incoming requests waiting for the tenant's decision. */
    public static PeeringFilter inbox() {
        return new PeeringFilter(PeeringSide.ACCEPTER, null, true, true);
    }
}

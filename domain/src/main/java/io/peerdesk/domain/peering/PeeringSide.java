package io.peerdesk.domain.peering;

/** The two sides of a peering: the tenant that asked for it and the partner that accepts it. */
public enum PeeringSide {
    REQUESTER, ACCEPTER;

    public PeeringSide other() {
        return this == REQUESTER ? ACCEPTER : REQUESTER;
    }

    /** {@code requester} or {@code accepter}, for messages. */
    public String label() {
        return name().toLowerCase();
    }
}

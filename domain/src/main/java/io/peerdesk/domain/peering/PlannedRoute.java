package io.peerdesk.domain.peering;

/**
 * A route one side wants: in its own route table, a destination inside the other side's VPC,
 * sent through the peering connection.
 */
public record PlannedRoute(PeeringSide side, String routeTableId, String destinationCidr) {

    /** E.g. {@code 10.20.0.0/16 in rtb-0a1b (requester)}. */
    public String label() {
        return destinationCidr + " in " + routeTableId + " (" + side.label() + ")";
    }
}

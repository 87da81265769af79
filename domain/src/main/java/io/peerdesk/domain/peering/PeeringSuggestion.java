package io.peerdesk.domain.peering;

import java.util.List;

/**
 * What the request wizard offers for a pair of VPCs: a route per route table of each side to each
 * of the other VPC's IPv4 blocks, and the route tables and security groups of both sides to choose
 * from.
 */
public record PeeringSuggestion(List<PlannedRoute> routes, PeeringTargets targets) {

    public PeeringSuggestion {
        routes = List.copyOf(routes);
    }
}

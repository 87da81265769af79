package io.peerdesk.domain.peering;

import java.util.List;

/**
 * What the request wizard offers for a pair of VPCs: a route per route table of each side to each
 * of the other VPC's IPv4 blocks, and the route tables and security groups of both sides to choose
 * from (ids and names only).
 */
public record PeeringSuggestion(List<PlannedRoute> routes, List<Choice> requesterRouteTables,
                                List<Choice> accepterRouteTables, List<Choice> requesterSecurityGroups,
                                List<Choice> accepterSecurityGroups) {

    public PeeringSuggestion {
        routes = List.copyOf(routes);
        requesterRouteTables = List.copyOf(requesterRouteTables);
        accepterRouteTables = List.copyOf(accepterRouteTables);
        requesterSecurityGroups = List.copyOf(requesterSecurityGroups);
        accepterSecurityGroups = List.copyOf(accepterSecurityGroups);
    }

    /** A route table or security group: its cloud id and name. */
    public record Choice(String id, String name) {
    }
}

package io.peerdesk.domain.peering;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The route tables and security groups of a peering's two VPCs (ids and names), what its routes and
 * rules can go into: offered by the request wizard and when proposing a change.
 */
public record PeeringTargets(List<Choice> requesterRouteTables, List<Choice> accepterRouteTables,
                             List<Choice> requesterSecurityGroups, List<Choice> accepterSecurityGroups) {

    public PeeringTargets {
        requesterRouteTables = List.copyOf(requesterRouteTables);
        accepterRouteTables = List.copyOf(accepterRouteTables);
        requesterSecurityGroups = List.copyOf(requesterSecurityGroups);
        accepterSecurityGroups = List.copyOf(accepterSecurityGroups);
    }

    /** The side whose VPC has the route table, if either has it. */
    public Optional<PeeringSide> sideOfRouteTable(String routeTableId) {
        return sideOf(routeTableId, requesterRouteTables, accepterRouteTables);
    }

    /** The side whose VPC has the security group, if either has it. */
    public Optional<PeeringSide> sideOfSecurityGroup(String groupId) {
        return sideOf(groupId, requesterSecurityGroups, accepterSecurityGroups);
    }

    /** The name of the route table or security group, if either VPC has it and it has one; else null. */
    public String nameOf(String id) {
        return Stream.of(requesterRouteTables, accepterRouteTables, requesterSecurityGroups, accepterSecurityGroups)
                .flatMap(List::stream).filter(c -> c.id().equals(id) && c.name() != null && !c.name().isBlank())
                .map(Choice::name).findFirst().orElse(null);
    }

    private static Optional<PeeringSide> sideOf(String id, List<Choice> requester, List<Choice> accepter) {
        if (requester.stream().anyMatch(c -> c.id().equals(id))) {
            return Optional.of(PeeringSide.REQUESTER);
        }
        return accepter.stream().anyMatch(c -> c.id().equals(id)) ? Optional.of(PeeringSide.ACCEPTER) : Optional.empty();
    }

    /** A route table or security group: its cloud id and name. */
    public record Choice(String id, String name) {

        /** "name (id)", or the id alone when unnamed. */
        public String label() {
            return name == null || name.isBlank() ? id : name + " (" + id + ")";
        }
    }
}

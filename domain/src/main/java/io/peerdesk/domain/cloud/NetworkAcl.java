package io.peerdesk.domain.cloud;

import java.util.Comparator;
import java.util.List;

/** A network ACL with its entries and the subnets associated with it. */
public record NetworkAcl(String networkAclId, String name, boolean isDefault, List<NetworkAclEntry> entries,
                         List<Association> associations) {

    private static final Comparator<NetworkAclEntry> EVALUATION_ORDER =
            Comparator.comparing(NetworkAclEntry::direction).thenComparingInt(NetworkAclEntry::ruleNumber);

    public NetworkAcl {
        entries = entries.stream().sorted(EVALUATION_ORDER).toList();
        associations = List.copyOf(associations);
    }

    public record Association(String associationId, String subnetId) {
    }

    public String label() {
        return name == null || name.isBlank() ? networkAclId : name;
    }

    /** The entries of one direction in the order they are evaluated. */
    public List<NetworkAclEntry> entries(RuleDirection direction) {
        return entries.stream().filter(e -> e.direction() == direction).toList();
    }
}

package io.peerdesk.domain.inventory;

import java.time.Instant;
import java.util.List;

/** A row of the VPC list: the VPC, where it lives, its CIDR blocks and how many subnets it has. */
public record VpcSummary(VpcId id, CloudAccountId accountId, String accountNumber, String accountName, String region,
                         String cloudId, String name, String state, List<String> cidrBlocks, int subnetCount,
                         Instant discoveredAt) {

    public VpcSummary {
        cidrBlocks = List.copyOf(cidrBlocks);
    }

    /** The Name tag, or the cloud's id when untagged. */
    public String label() {
        return name == null || name.isBlank() ? cloudId : name;
    }
}

package io.peerdesk.domain.peering;

import io.peerdesk.domain.inventory.VpcId;

import java.util.List;

/** A partner's VPC as a requester may see it under a contract: enough to pick it, nothing inside it. */
public record PartnerVpc(VpcId id, String cloudVpcId, String name, String region, List<String> cidrs) {

    public PartnerVpc {
        cidrs = List.copyOf(cidrs);
    }

    public String label() {
        return name == null || name.isBlank() ? cloudVpcId : name;
    }
}

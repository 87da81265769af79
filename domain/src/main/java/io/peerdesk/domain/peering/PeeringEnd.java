package io.peerdesk.domain.peering;

import io.peerdesk.domain.inventory.VpcId;

import java.util.List;

/**
 * One side of a peering as both parties see it: the organisation, its cloud account number, the
 * VPC (cloud id, name, region, CIDR blocks as filed). {@code vpc}, the portal's link to the VPC's
 * page, is only given to the side that owns it.
 */
public record PeeringEnd(String tenantName, String accountNumber, String cloudVpcId, String vpcName, String region,
                         List<String> cidrs, VpcId vpc) {

    public PeeringEnd {
        cidrs = List.copyOf(cidrs);
    }

    /** The VPC's name, or its cloud id when unnamed. */
    public String vpcLabel() {
        return vpcName == null || vpcName.isBlank() ? cloudVpcId : vpcName;
    }

    PeeringEnd withoutLink() {
        return new PeeringEnd(tenantName, accountNumber, cloudVpcId, vpcName, region, cidrs, null);
    }
}

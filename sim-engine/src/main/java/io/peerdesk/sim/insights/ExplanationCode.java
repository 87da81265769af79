package io.peerdesk.sim.insights;

/**
 * The Reachability Analyzer explanation codes the simulator emits, with AWS's own wording
 * (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html). The name is the
 * wire value of {@code explanationCode}.
 */
public enum ExplanationCode {
    NO_SOURCE_OR_DESTINATION("The source or destination does not exist, or is not what the path says it is."),
    SUBNET_ACL_RESTRICTION("Inbound or outbound traffic for a subnet must be admitted by the network ACL for the subnet."),
    SG_HAS_NO_RULES("This security group has no rules in this direction."),
    ENI_SG_RULES_MISMATCH("This security group has no inbound or outbound rules that apply."),
    NO_ROUTE_TO_DESTINATION("The route table does not have an applicable route to the destination resource."),
    BAD_STATE_ROUTE("This route is not in a functional state."),
    VPC_LOCAL_ROUTE_CIDR_RESTRICTION("The local route of a VPC can deliver traffic only to addresses inside the VPC."),
    PCX_REQUIRES_ADDRESS_IN_VPC_CIDR("Traffic can traverse this peering connection only if the destination or source "
            + "address is within the CIDR block of the destination VPC."),
    DISCONNECTED_VPCS("The source and destination VPCs are not the same VPC and no active peering connection joins them."),
    NO_PATH("The route leads out of the VPCs (to the internet), which is not a destination this simulator analyses.");

    private final String description;

    ExplanationCode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}

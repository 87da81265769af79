package io.peerdesk.sim.cloud;

/** An internet gateway, attached to at most one VPC. */
public final class InternetGateway extends Resource {

    String attachedVpcId;

    InternetGateway(String id, String ownerId, String region, long sequence) {
        super(id, ownerId, region, sequence);
    }

    public String attachedVpcId() {
        return attachedVpcId;
    }
}

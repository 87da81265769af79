package io.peerdesk.sim.cloud;

/** An internet gateway, attached to at most one VPC. */
public final class InternetGateway extends Resource {

    /** Pinned (see {@code Cloud}): snapshots written by earlier builds stay readable. */
    private static final long serialVersionUID = 5801546330207255097L;

    String attachedVpcId;

    InternetGateway(String id, String ownerId, String region, long sequence) {
        super(id, ownerId, region, sequence);
    }

    public String attachedVpcId() {
        return attachedVpcId;
    }
}

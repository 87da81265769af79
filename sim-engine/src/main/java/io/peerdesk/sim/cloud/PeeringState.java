package io.peerdesk.sim.cloud;

/** AWS's {@code VpcPeeringConnectionStateReason.code} values. */
public enum PeeringState {
    INITIATING_REQUEST("initiating-request"),
    PENDING_ACCEPTANCE("pending-acceptance"),
    PROVISIONING("provisioning"),
    ACTIVE("active"),
    FAILED("failed"),
    REJECTED("rejected"),
    EXPIRED("expired"),
    DELETING("deleting"),
    DELETED("deleted");

    private final String code;

    PeeringState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** States in which the connection blocks a second one between the same VPCs. */
    public boolean isLive() {
        return this == PENDING_ACCEPTANCE || this == PROVISIONING || this == ACTIVE;
    }

    /** States after which nothing can happen any more. */
    public boolean isTerminal() {
        return this == FAILED || this == REJECTED || this == EXPIRED || this == DELETED;
    }
}

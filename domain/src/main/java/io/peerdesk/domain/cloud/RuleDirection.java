package io.peerdesk.domain.cloud;

/** Which traffic a security-group rule or network-ACL entry applies to. */
public enum RuleDirection {
    INGRESS("Inbound"),
    EGRESS("Outbound");

    private final String label;

    RuleDirection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package io.peerdesk.domain.cloud;

/**
 * One security-group rule. Its peer is exactly one of: a CIDR, a prefix list, or a security group
 * ({@code referencedGroupId}, owned by {@code referencedAccountId}, which may be another account,
 * e.g. across a peering). Protocol {@code -1} means all; ports are null or -1 when they do not apply.
 */
public record SecurityGroupRule(String ruleId, RuleDirection direction, String protocol, Integer fromPort,
                                Integer toPort, String cidr, String prefixListId, String referencedGroupId,
                                String referencedAccountId, String description) {

    /** The other end as a person reads it: a CIDR, a prefix list, or a group (with its account when given). */
    public String peer() {
        if (cidr != null) {
            return cidr;
        }
        if (prefixListId != null) {
            return prefixListId;
        }
        if (referencedGroupId == null) {
            return "-";
        }
        return referencedAccountId == null ? referencedGroupId : referencedAccountId + "/" + referencedGroupId;
    }

    public String protocolLabel() {
        return Protocols.label(protocol);
    }

    public String portsLabel() {
        return Protocols.ports(protocol, fromPort, toPort);
    }
}

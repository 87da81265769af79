package io.peerdesk.domain.cloud;

/**
 * One numbered network-ACL entry: evaluated in ascending {@code ruleNumber} per direction, first
 * match wins; 32767 (IPv4) and 32768 (IPv6) are the catch-all {@code *} deny.
 */
public record NetworkAclEntry(int ruleNumber, RuleDirection direction, String protocol, String action, String cidr,
                              Integer fromPort, Integer toPort, Integer icmpType, Integer icmpCode) {

    public boolean catchAll() {
        return ruleNumber >= 32767;
    }

    public String ruleLabel() {
        return catchAll() ? "*" : Integer.toString(ruleNumber);
    }

    public boolean allows() {
        return "allow".equals(action);
    }

    public String protocolLabel() {
        return Protocols.label(protocol);
    }

    public String portsLabel() {
        if (Protocols.isIcmp(protocol)) {
            return Protocols.ports(protocol, icmpType, icmpCode);
        }
        return Protocols.ports(protocol, fromPort, toPort);
    }
}

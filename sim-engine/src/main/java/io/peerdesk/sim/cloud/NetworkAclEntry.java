package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.IpAddress;
import io.peerdesk.sim.net.PortRange;

import java.io.Serializable;

/**
 * One numbered network ACL rule. Rules are evaluated in ascending number; the first match wins.
 *
 * @param protocol  the protocol number as text, "-1" for all
 * @param portRange the destination ports for tcp/udp, null otherwise
 * @param icmpType  ICMP type for protocol 1/58 (-1 = all), null otherwise
 */
public record NetworkAclEntry(int ruleNumber, boolean egress, String protocol, boolean allow, Cidr cidr,
                              PortRange portRange, Integer icmpType, Integer icmpCode) implements Serializable {

    public static final int DEFAULT_DENY_V4 = 32767;
    public static final int DEFAULT_DENY_V6 = 32768;
    public static final int MAX_RULE_NUMBER = 32766;

    public boolean isDefaultDeny() {
        return ruleNumber >= DEFAULT_DENY_V4;
    }

    public String ruleAction() {
        return allow ? "allow" : "deny";
    }

    /** Whether this rule matches a packet to or from {@code address} for the given protocol and port. */
    public boolean matches(IpAddress address, String trafficProtocol, int port) {
        return cidr.contains(address) && Protocol.matches(protocol, trafficProtocol)
                && (portRange == null || !Protocol.hasPorts(protocol) || portRange.contains(port));
    }

    /** Whether this rule matches any port of {@code ports} (for the return path's ephemeral range). */
    public boolean matchesAny(IpAddress address, String trafficProtocol, PortRange ports) {
        return cidr.contains(address) && Protocol.matches(protocol, trafficProtocol)
                && (portRange == null || !Protocol.hasPorts(protocol) || portRange.intersects(ports));
    }
}

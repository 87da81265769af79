package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;

import java.io.Serializable;
import java.util.Objects;

/**
 * One rule of a security group ({@code sgr-…}): a protocol, a port range (or ICMP type/code) and
 * exactly one peer: an IPv4 block, an IPv6 block, a prefix list or a security group.
 *
 * @param fromPort null when the protocol is "-1" (all)
 */
public record SecurityGroupRule(String ruleId, String groupId, boolean egress, String protocol,
                                Integer fromPort, Integer toPort, Cidr cidr, String prefixListId,
                                GroupReference referencedGroup, String description) implements Serializable {

    /**
     * A rule peer given as a security group, possibly in a peer VPC and another account.
     * {@code vpcPeeringConnectionId} is the connection that joined the VPCs when the rule was made.
     */
    public record GroupReference(String groupId, String userId, String vpcId, String vpcPeeringConnectionId)
            implements Serializable {
    }

    /** Same protocol, ports and peer: what AWS calls a duplicate, whatever the description. */
    boolean sameAs(SecurityGroupRule o) {
        return egress == o.egress && protocol.equals(o.protocol)
                && Objects.equals(fromPort, o.fromPort) && Objects.equals(toPort, o.toPort)
                && Objects.equals(cidr, o.cidr) && Objects.equals(prefixListId, o.prefixListId)
                && (referencedGroup == null ? o.referencedGroup == null
                        : o.referencedGroup != null && referencedGroup.groupId().equals(o.referencedGroup.groupId()));
    }

    boolean isIpv6() {
        return cidr != null && cidr.v6();
    }

    /** Whether traffic of this protocol to this port matches the rule's protocol and port range. */
    public boolean admits(String trafficProtocol, int port) {
        if (!Protocol.matches(protocol, trafficProtocol)) {
            return false;
        }
        if (fromPort == null || !Protocol.hasPorts(protocol)) {
            return true;
        }
        return port >= fromPort && port <= toPort;
    }

    SecurityGroupRule withDescription(String newDescription) {
        return new SecurityGroupRule(ruleId, groupId, egress, protocol, fromPort, toPort, cidr, prefixListId,
                referencedGroup, newDescription);
    }
}

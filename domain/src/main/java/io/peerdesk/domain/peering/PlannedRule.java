package io.peerdesk.domain.peering;

/**
 * An inbound rule one side wants in one of its security groups, for traffic from the other side:
 * {@code protocol} {@code tcp}, {@code udp} (with a port range), {@code icmp} or {@code all} (without
 * ports), from {@code sourceCidr} inside the other VPC. A null source on a new request means the
 * other VPC's primary block.
 */
public record PlannedRule(PeeringSide side, String securityGroupId, String protocol, Integer fromPort, Integer toPort,
                          String sourceCidr) {

    /** E.g. {@code tcp 443 from 10.10.0.0/16 into sg-0a1b (accepter)}. */
    public String label() {
        return traffic() + " from " + sourceCidr + " into " + securityGroupId + " (" + side.label() + ")";
    }

    /** E.g. {@code tcp 443}, {@code udp 1000-2000}, {@code icmp}. */
    public String traffic() {
        if (fromPort == null) {
            return protocol;
        }
        return protocol + " " + (fromPort.equals(toPort) || toPort == null ? fromPort.toString() : fromPort + "-" + toPort);
    }

    PlannedRule withSource(String cidr) {
        return new PlannedRule(side, securityGroupId, protocol, fromPort, toPort, cidr);
    }
}

package io.peerdesk.domain.cloud;

import java.util.Objects;

/**
 * An inbound security-group rule from a CIDR block. {@code protocol} is EC2's: {@code tcp},
 * {@code udp}, {@code icmp} or {@code -1} for all; ports are a range for tcp/udp, and null (all) for
 * icmp and all traffic. The description marks who made the rule.
 */
public record IngressRule(String protocol, Integer fromPort, Integer toPort, String cidr, String description) {

    public IngressRule {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cidr, "cidr");
    }

    /** Whether an existing rule of a group allows exactly this traffic (descriptions aside). */
    public boolean sameAs(SecurityGroupRule rule) {
        return rule.direction() == RuleDirection.INGRESS && cidr.equals(rule.cidr())
                && protocol.equals(rule.protocol())
                && Objects.equals(port(fromPort), port(rule.fromPort())) && Objects.equals(port(toPort), port(rule.toPort()));
    }

    /** The rule as people read it, e.g. {@code tcp 443 from 10.20.0.0/16}. */
    public String label() {
        return Protocols.label(protocol) + " " + Protocols.ports(protocol, fromPort, toPort) + " from " + cidr;
    }

    private static Integer port(Integer port) {
        return port == null ? Integer.valueOf(-1) : port;
    }
}

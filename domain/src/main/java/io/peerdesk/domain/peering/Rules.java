package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.IngressRule;

/** Planned rules in the cloud's terms. */
final class Rules {

    private Rules() {
    }

    /** The cloud's inbound rule for a planned rule: EC2 calls "all" {@code -1}; icmp without ports means every type. */
    static IngressRule ingress(PlannedRule rule, String description) {
        String protocol = "all".equals(rule.protocol()) ? "-1" : rule.protocol();
        return new IngressRule(protocol, rule.fromPort(), rule.toPort() == null ? rule.fromPort() : rule.toPort(),
                rule.sourceCidr(), description);
    }

    static IngressRule ingress(AppliedEntry entry) {
        String protocol = "all".equals(entry.protocol()) ? "-1" : entry.protocol();
        return new IngressRule(protocol, entry.fromPort(), entry.toPort(), entry.cidr(), null);
    }
}

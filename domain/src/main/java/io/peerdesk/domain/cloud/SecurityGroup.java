package io.peerdesk.domain.cloud;

import java.util.Comparator;
import java.util.List;

/** A security group of a VPC with its inbound and outbound rules. */
public record SecurityGroup(String groupId, String name, String description, String ownerId,
                            List<SecurityGroupRule> rules) {

    /** Inbound rules first, then outbound, each in the order the cloud reports them. */
    public SecurityGroup {
        rules = rules.stream().sorted(Comparator.comparing(SecurityGroupRule::direction)).toList();
    }

    public List<SecurityGroupRule> rules(RuleDirection direction) {
        return rules.stream().filter(r -> r.direction() == direction).toList();
    }
}

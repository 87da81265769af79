package io.peerdesk.domain.cloud;

import java.util.List;

/** A security group of a VPC with its inbound and outbound rules. */
public record SecurityGroup(String groupId, String name, String description, String ownerId,
                            List<SecurityGroupRule> rules) {

    public SecurityGroup {
        rules = List.copyOf(rules);
    }

    public List<SecurityGroupRule> rules(RuleDirection direction) {
        return rules.stream().filter(r -> r.direction() == direction).toList();
    }
}

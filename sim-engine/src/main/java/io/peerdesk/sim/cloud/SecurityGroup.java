package io.peerdesk.sim.cloud;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A security group: stateful, allow-only, with ingress and egress rules. */
public final class SecurityGroup extends Resource {

    /** Pinned (see {@code Cloud}): snapshots written by earlier builds stay readable. */
    private static final long serialVersionUID = -3372395538913672497L;

    /** Inbound or outbound rules per group, IPv4 and IPv6 counted separately (AWS default). */
    static final int DEFAULT_RULE_QUOTA = 60;

    private final String vpcId;
    private final String name;
    private final String description;
    private final List<SecurityGroupRule> rules = new ArrayList<>();

    SecurityGroup(String id, String ownerId, String region, long sequence, String vpcId, String name,
                  String description) {
        super(id, ownerId, region, sequence);
        this.vpcId = vpcId;
        this.name = name;
        this.description = description;
    }

    public String vpcId() {
        return vpcId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean isDefault() {
        return "default".equals(name);
    }

    public List<SecurityGroupRule> rules() {
        return Collections.unmodifiableList(rules);
    }

    public List<SecurityGroupRule> rules(boolean egress) {
        List<SecurityGroupRule> out = new ArrayList<>();
        for (SecurityGroupRule r : rules) {
            if (r.egress() == egress) {
                out.add(r);
            }
        }
        return out;
    }

    public String arn() {
        return "arn:aws:ec2:" + region() + ":" + ownerId() + ":security-group/" + id();
    }

    int count(boolean egress, boolean ipv6) {
        int n = 0;
        for (SecurityGroupRule r : rules) {
            if (r.egress() == egress && r.isIpv6() == ipv6) {
                n++;
            }
        }
        return n;
    }

    SecurityGroupRule find(SecurityGroupRule like) {
        for (SecurityGroupRule r : rules) {
            if (r.sameAs(like)) {
                return r;
            }
        }
        return null;
    }

    SecurityGroupRule findById(String ruleId) {
        for (SecurityGroupRule r : rules) {
            if (r.ruleId().equals(ruleId)) {
                return r;
            }
        }
        return null;
    }

    void add(SecurityGroupRule rule) {
        rules.add(rule);
    }

    void remove(SecurityGroupRule rule) {
        rules.remove(rule);
    }
}

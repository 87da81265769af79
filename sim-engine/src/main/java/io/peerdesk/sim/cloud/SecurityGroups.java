package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Security groups and their rules, including references to groups in peered VPCs. */
public final class SecurityGroups {

    /** One {@code IpPermissions.N} of a request: a protocol, ports and any number of peers. */
    public record Permission(String protocol, Integer fromPort, Integer toPort, List<CidrPeer> ipRanges,
                             List<CidrPeer> ipv6Ranges, List<String> prefixListIds, List<GroupPeer> groups) {
    }

    public record CidrPeer(String cidr, String description) {
    }

    public record GroupPeer(String groupId, String userId, String vpcId, String vpcPeeringConnectionId,
                            String description) {
    }

    /** A rule whose referenced group is out of reach: its peering is gone or the group was deleted. */
    public record StaleRule(SecurityGroupRule rule, String peeringStatus) {
    }

    private final Cloud cloud;

    SecurityGroups(Cloud cloud) {
        this.cloud = cloud;
    }

    SecurityGroup newDefaultGroup(Vpc vpc) {
        SecurityGroup sg = newGroup(vpc, "default", "default VPC security group");
        sg.add(new SecurityGroupRule(cloud.nextId("sgr"), sg.id(), false, Protocol.ALL, null, null, null, null,
                new SecurityGroupRule.GroupReference(sg.id(), vpc.ownerId(), vpc.id(), null), null));
        return sg;
    }

    public SecurityGroup create(Caller caller, String vpcId, String name, String description,
                                Map<String, String> tags) {
        if (vpcId == null) {
            throw groupNameNeedsDefaultVpc();
        }
        Vpc vpc = cloud.requireVpc(caller, vpcId);
        if (name == null || name.isEmpty()) {
            throw CloudException.missingParameter("groupName");
        }
        if (description == null || description.isEmpty()) {
            throw CloudException.missingParameter("groupDescription");
        }
        if (name.length() > 255 || description.length() > 255) {
            throw CloudException.invalidParameterValue("Group name and description may be at most 255 characters.");
        }
        if (name.equals("default")) {
            throw new CloudException("InvalidGroup.Reserved", "The security group 'default' is reserved");
        }
        if (name.startsWith("sg-")) {
            throw CloudException.invalidParameterValue("Group names may not be in the format sg-*.");
        }
        for (String id : vpc.securityGroupIds) {
            if (cloud.securityGroups.get(id).name().equals(name)) {
                throw new CloudException("InvalidGroup.Duplicate",
                        "The security group '" + name + "' already exists for VPC '" + vpcId + "'");
            }
        }
        Tags.validate(tags);
        if (tags.size() > Tags.MAX_TAGS) {
            throw new CloudException("TagLimitExceeded",
                    "The maximum number of tags (" + Tags.MAX_TAGS + ") for a resource has been exceeded.");
        }
        SecurityGroup sg = newGroup(vpc, name, description);
        sg.tags().putAll(tags);
        return sg;
    }

    /**
     * AWS's answer to a group named without a VPC ({@code GroupName} instead of {@code GroupId},
     * or CreateSecurityGroup without {@code VpcId}): only a default VPC allows that, and no
     * account in this cloud has one.
     */
    public static CloudException groupNameNeedsDefaultVpc() {
        return new CloudException("VPCIdNotSpecified", "No default VPC for this user. GroupName is only "
                + "supported for EC2-Classic and default VPC.");
    }

    public void delete(Caller caller, String groupId) {
        SecurityGroup sg = cloud.requireSecurityGroup(caller, groupId);
        if (sg.isDefault()) {
            throw new CloudException("CannotDelete", "the specified group: \"" + groupId
                    + "\" name: \"default\" cannot be deleted by a user");
        }
        Vpc vpc = cloud.vpcs.get(sg.vpcId());
        for (String otherId : vpc.securityGroupIds) {
            if (otherId.equals(groupId)) {
                continue;
            }
            for (SecurityGroupRule r : cloud.securityGroups.get(otherId).rules()) {
                if (r.referencedGroup() != null && r.referencedGroup().groupId().equals(groupId)) {
                    throw new CloudException("DependencyViolation",
                            "resource " + groupId + " has a dependent object (" + otherId + ")");
                }
            }
        }
        vpc.securityGroupIds.remove(groupId);
        cloud.securityGroups.remove(groupId);
    }

    /**
     * AuthorizeSecurityGroupIngress/Egress: every peer of every permission becomes one rule. The
     * whole request is refused if any rule is malformed, a duplicate or over the quota.
     */
    public List<SecurityGroupRule> authorize(Caller caller, String groupId, boolean egress,
                                             List<Permission> permissions, Instant now) {
        SecurityGroup sg = cloud.requireSecurityGroup(caller, groupId);
        List<SecurityGroupRule> rules = expand(caller, sg, egress, permissions, now);
        for (int i = 0; i < rules.size(); i++) {
            SecurityGroupRule r = rules.get(i);
            boolean repeated = rules.subList(0, i).stream().anyMatch(r::sameAs);
            if (repeated || sg.find(r) != null) {
                throw new CloudException("InvalidPermission.Duplicate",
                        "the specified rule \"" + describe(r) + "\" already exists");
            }
        }
        for (boolean v6 : new boolean[] {false, true}) {
            long adding = rules.stream().filter(r -> r.isIpv6() == v6).count();
            if (adding > 0 && sg.count(egress, v6) + adding > cloud.config().securityGroupRuleQuota()) {
                throw new CloudException("RulesPerSecurityGroupLimitExceeded",
                        "The maximum number of rules per security group has been reached.");
            }
        }
        List<SecurityGroupRule> created = new ArrayList<>(rules.size());
        for (SecurityGroupRule r : rules) {
            SecurityGroupRule withId = new SecurityGroupRule(cloud.nextId("sgr"), sg.id(), egress, r.protocol(),
                    r.fromPort(), r.toPort(), r.cidr(), r.prefixListId(), r.referencedGroup(), r.description());
            sg.add(withId);
            created.add(withId);
        }
        return created;
    }

    /**
     * RevokeSecurityGroupIngress/Egress by permissions or by rule ids. If any of them does not
     * exist, nothing is revoked.
     */
    public List<SecurityGroupRule> revoke(Caller caller, String groupId, boolean egress, List<Permission> permissions,
                                          List<String> ruleIds, Instant now) {
        SecurityGroup sg = cloud.requireSecurityGroup(caller, groupId);
        List<SecurityGroupRule> doomed = new ArrayList<>();
        for (String ruleId : ruleIds) {
            SecurityGroupRule r = sg.findById(ruleId);
            if (r == null || r.egress() != egress) {
                throw new CloudException("InvalidSecurityGroupRuleId.NotFound",
                        "The security group rule ID '" + ruleId + "' does not exist");
            }
            if (!doomed.contains(r)) {
                doomed.add(r);
            }
        }
        for (SecurityGroupRule wanted : expandForRevoke(caller, sg, egress, permissions, now)) {
            SecurityGroupRule r = sg.find(wanted);
            if (r == null) {
                throw new CloudException("InvalidPermission.NotFound",
                        "The specified rule does not exist in this security group");
            }
            if (!doomed.contains(r)) {
                doomed.add(r);
            }
        }
        if (doomed.isEmpty()) {
            throw CloudException.missingParameter("ipPermissions or securityGroupRuleIds");
        }
        doomed.forEach(sg::remove);
        return doomed;
    }

    /** DescribeStaleSecurityGroups: rules in the VPC's groups whose peer group is out of reach. */
    public List<StaleRule> staleRules(SecurityGroup sg, Instant now) {
        List<StaleRule> stale = new ArrayList<>();
        for (SecurityGroupRule r : sg.rules()) {
            SecurityGroupRule.GroupReference ref = r.referencedGroup();
            if (ref == null || ref.vpcId() == null || ref.vpcId().equals(sg.vpcId())) {
                continue;
            }
            boolean groupGone = cloud.securityGroups.get(ref.groupId()) == null;
            PeeringConnection active = cloud.activePeeringBetween(sg.vpcId(), ref.vpcId(), now);
            if (groupGone || active == null) {
                PeeringConnection original = ref.vpcPeeringConnectionId() == null ? null
                        : cloud.peerings.get(ref.vpcPeeringConnectionId());
                String status = original == null ? "deleted" : original.stateAt(now).code();
                stale.add(new StaleRule(r, active == null ? status : "active"));
            }
        }
        return stale;
    }

    /** True when a rule's referenced group can be used now (same VPC, or a peer VPC joined by an active peering). */
    public boolean referenceUsable(SecurityGroup owner, SecurityGroupRule.GroupReference ref, Instant now) {
        if (cloud.securityGroups.get(ref.groupId()) == null) {
            return false;
        }
        return ref.vpcId() == null || ref.vpcId().equals(owner.vpcId())
                || cloud.activePeeringBetween(owner.vpcId(), ref.vpcId(), now) != null;
    }

    private SecurityGroup newGroup(Vpc vpc, String name, String description) {
        SecurityGroup sg = new SecurityGroup(cloud.nextId("sg"), vpc.ownerId(), vpc.region(), cloud.nextSequence(),
                vpc.id(), name, description);
        sg.add(new SecurityGroupRule(cloud.nextId("sgr"), sg.id(), true, Protocol.ALL, null, null, Cidr.ALL_V4,
                null, null, null));
        if (!vpc.ipv6Blocks().isEmpty()) {
            sg.add(new SecurityGroupRule(cloud.nextId("sgr"), sg.id(), true, Protocol.ALL, null, null, Cidr.ALL_V6,
                    null, null, null));
        }
        cloud.securityGroups.put(sg.id(), sg);
        vpc.securityGroupIds.add(sg.id());
        return sg;
    }

    private List<SecurityGroupRule> expand(Caller caller, SecurityGroup sg, boolean egress,
                                           List<Permission> permissions, Instant now) {
        if (permissions.isEmpty()) {
            throw CloudException.missingParameter("ipPermissions");
        }
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (Permission p : permissions) {
            String protocol = Protocol.canonicalName(p.protocol());
            Integer[] ports = ports(protocol, p.fromPort(), p.toPort());
            int before = rules.size();
            for (CidrPeer c : p.ipRanges()) {
                rules.add(rule(sg, egress, protocol, ports, Cidrs.parseV4(c.cidr(), "cidrIp"), null, null,
                        c.description()));
            }
            for (CidrPeer c : p.ipv6Ranges()) {
                rules.add(rule(sg, egress, protocol, ports, Cidrs.parseV6(c.cidr(), "cidrIpv6"), null, null,
                        c.description()));
            }
            for (String pl : p.prefixListIds()) {
                throw new CloudException("InvalidPrefixListID.NotFound", "The prefix list ID '" + pl
                        + "' does not exist");
            }
            for (GroupPeer g : p.groups()) {
                rules.add(rule(sg, egress, protocol, ports, null, null, resolve(caller, sg, g, now), g.description()));
            }
            if (rules.size() == before) {
                throw new CloudException("InvalidPermission.Malformed",
                        "Each IP permission needs at least one of IpRanges, Ipv6Ranges, PrefixListIds or Groups.");
            }
        }
        return rules;
    }

    private List<SecurityGroupRule> expandForRevoke(Caller caller, SecurityGroup sg, boolean egress,
                                                    List<Permission> permissions, Instant now) {
        if (permissions.isEmpty()) {
            return List.of();
        }
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (Permission p : permissions) {
            String protocol = Protocol.canonicalName(p.protocol());
            Integer[] ports = ports(protocol, p.fromPort(), p.toPort());
            for (CidrPeer c : p.ipRanges()) {
                rules.add(rule(sg, egress, protocol, ports, Cidrs.parseV4(c.cidr(), "cidrIp"), null, null, null));
            }
            for (CidrPeer c : p.ipv6Ranges()) {
                rules.add(rule(sg, egress, protocol, ports, Cidrs.parseV6(c.cidr(), "cidrIpv6"), null, null, null));
            }
            for (GroupPeer g : p.groups()) {
                // a stale reference must stay revocable, so only the id is matched here; the
                // "account/sg-…" form that authorize accepts names the same group
                String groupId = g.groupId() == null ? null : g.groupId().substring(g.groupId().indexOf('/') + 1);
                rules.add(rule(sg, egress, protocol, ports, null, null,
                        new SecurityGroupRule.GroupReference(groupId, g.userId(), g.vpcId(), null), null));
            }
        }
        return rules;
    }

    private SecurityGroupRule rule(SecurityGroup sg, boolean egress, String protocol, Integer[] ports, Cidr cidr,
                                   String prefixList, SecurityGroupRule.GroupReference ref, String description) {
        if (description != null && description.length() > 255) {
            throw CloudException.invalidParameterValue("Rule descriptions may be at most 255 characters.");
        }
        return new SecurityGroupRule(null, sg.id(), egress, protocol, ports[0], ports[1], cidr, prefixList, ref,
                description);
    }

    /** Resolves a group peer: same VPC, or a peer VPC in the same region joined by an active peering. */
    private SecurityGroupRule.GroupReference resolve(Caller caller, SecurityGroup sg, GroupPeer g, Instant now) {
        String groupId = g.groupId();
        if (groupId == null || groupId.isEmpty()) {
            throw new CloudException("InvalidGroup.NotFound", "You have specified a security group by name in a "
                    + "non-default VPC; use its group id.");
        }
        String userId = g.userId() == null ? caller.accountId() : g.userId();
        if (groupId.contains("/")) {
            userId = groupId.substring(0, groupId.indexOf('/'));
            groupId = groupId.substring(groupId.indexOf('/') + 1);
        }
        SecurityGroup target = cloud.securityGroups.get(groupId);
        if (target == null || !target.ownerId().equals(userId) || !target.region().equals(sg.region())) {
            throw new CloudException("InvalidGroup.NotFound", "The security group '" + groupId + "' does not exist");
        }
        if (target.vpcId().equals(sg.vpcId())) {
            return new SecurityGroupRule.GroupReference(groupId, userId, target.vpcId(), null);
        }
        PeeringConnection active = cloud.activePeeringBetween(sg.vpcId(), target.vpcId(), now);
        if (active == null) {
            throw new CloudException("InvalidGroup.NotFound",
                    "You have specified two resources that belong to different networks.");
        }
        return new SecurityGroupRule.GroupReference(groupId, userId, target.vpcId(), active.id());
    }

    private static Integer[] ports(String protocol, Integer from, Integer to) {
        if (protocol.equals(Protocol.ALL) || (!Protocol.hasPorts(protocol) && !Protocol.isIcmp(protocol))) {
            return new Integer[] {null, null};
        }
        if (Protocol.isIcmp(protocol)) {
            int type = from == null ? -1 : from;
            int code = to == null ? -1 : to;
            if (type < -1 || type > 255 || code < -1 || code > 255) {
                throw CloudException.invalidParameterValue("Invalid ICMP type/code " + type + "/" + code
                        + ": each must be -1 (all) or 0 to 255.");
            }
            return new Integer[] {type, code};
        }
        if (from == null || to == null) {
            throw new CloudException("InvalidPermission.Malformed",
                    "FromPort and ToPort are required for protocol " + protocol + ".");
        }
        if (from < 0 || from > 65535 || to < 0 || to > 65535) {
            throw CloudException.invalidParameterValue("Invalid value '" + (from < 0 || from > 65535 ? from : to)
                    + "' for port. Ports must be between 0 and 65535.");
        }
        if (from > to) {
            throw CloudException.invalidParameterValue("Invalid port range " + from + "-" + to
                    + ": fromPort must not be greater than toPort.");
        }
        return new Integer[] {from, to};
    }

    private static String describe(SecurityGroupRule r) {
        String peer = r.cidr() != null ? r.cidr().toString()
                : r.referencedGroup() != null ? r.referencedGroup().groupId() : r.prefixListId();
        String ports = r.fromPort() == null ? "ALL" : "from port: " + r.fromPort() + ", to port: " + r.toPort();
        return "peer: " + peer + ", " + r.protocol().toUpperCase() + ", " + ports + ", ALLOW";
    }
}

package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.CloudException;
import io.peerdesk.sim.cloud.PeeringConnection;
import io.peerdesk.sim.cloud.PeeringState;
import io.peerdesk.sim.cloud.Protocol;
import io.peerdesk.sim.cloud.SecurityGroup;
import io.peerdesk.sim.cloud.SecurityGroupRule;
import io.peerdesk.sim.cloud.SecurityGroups;
import io.peerdesk.sim.cloud.Vpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Security groups, their rules (ingress and egress), rule lookups and stale peer references. */
final class SecurityGroupActions {

    private static final ResourceQuery<SecurityGroup> GROUPS = permissionFilters(permissionFilters(
            new ResourceQuery<SecurityGroup>(SecurityGroup::id, SecurityGroup::sequence, g -> g.tags().asMap())
                    .filter("group-id", SecurityGroup::id)
                    .filter("group-name", SecurityGroup::name)
                    .filter("vpc-id", SecurityGroup::vpcId)
                    .filter("description", SecurityGroup::description)
                    .filter("owner-id", SecurityGroup::ownerId),
            "ip-permission.", false), "egress.ip-permission.", true);

    private SecurityGroupActions() {
    }

    static List<Action> all() {
        return List.of(
                new Action("CreateSecurityGroup", true, SecurityGroupActions::createGroup),
                new Action("DeleteSecurityGroup", true, (r, out) -> {
                    String groupId = groupId(r.params());
                    r.cloud().securityGroups().delete(r.caller(), groupId);
                    Render.returnTrue(out);
                    out.element("groupId", groupId);
                }),
                new Action("DescribeSecurityGroups", false, SecurityGroupActions::describeGroups),
                new Action("AuthorizeSecurityGroupIngress", true, (r, out) -> authorize(r, out, false)),
                new Action("AuthorizeSecurityGroupEgress", true, (r, out) -> authorize(r, out, true)),
                new Action("RevokeSecurityGroupIngress", true, (r, out) -> revoke(r, out, false)),
                new Action("RevokeSecurityGroupEgress", true, (r, out) -> revoke(r, out, true)),
                new Action("DescribeSecurityGroupRules", false, SecurityGroupActions::describeRules),
                new Action("DescribeStaleSecurityGroups", false, SecurityGroupActions::describeStale));
    }

    // ---- actions ----

    private static void createGroup(Request r, XmlWriter out) {
        SecurityGroup sg = r.cloud().securityGroups().create(r.caller(), r.params().string("VpcId"),
                r.params().string("GroupName"), r.params().string("GroupDescription"),
                r.params().tagSpecifications("security-group"));
        out.element("groupId", sg.id());
        Render.tags(out, sg.tags().asMap());
        out.element("securityGroupArn", sg.arn());
    }

    private static void describeGroups(Request r, XmlWriter out) {
        Cloud cloud = r.cloud();
        List<SecurityGroup> visible = cloud.visible(cloud.allSecurityGroups(), r.caller());
        List<String> ids = r.params().list("GroupId");
        for (String id : ids) {
            cloud.requireSecurityGroup(r.caller(), id); // malformed ids get AWS's Malformed error
        }
        List<String> names = r.params().list("GroupName");
        if (!names.isEmpty()) {
            Set<String> found = new LinkedHashSet<>();
            List<SecurityGroup> named = new ArrayList<>();
            for (SecurityGroup sg : visible) {
                if (names.contains(sg.name())) {
                    named.add(sg);
                    found.add(sg.name());
                }
            }
            for (String name : names) {
                if (!found.contains(name)) {
                    throw new CloudException("InvalidGroup.NotFound", "The security group '" + name
                            + "' does not exist");
                }
            }
            visible = named;
        }
        var page = GROUPS.run(visible, ids, r.params(),
                Render.notFound("InvalidGroup.NotFound", "The security group '%s' does not exist"));
        Render.items(out, "securityGroupInfo", page.items(), (o, sg) -> group(o, cloud, sg, r.now()));
        Render.nextToken(out, page.nextToken());
    }

    private static void authorize(Request r, XmlWriter out, boolean egress) {
        String groupId = groupId(r.params());
        List<SecurityGroups.Permission> permissions = permissions(r.params());
        r.params().tagSpecifications("security-group-rule"); // validated; rules carry no tags in this cloud
        List<SecurityGroupRule> created = r.cloud().securityGroups().authorize(r.caller(), groupId, egress,
                permissions, r.now());
        SecurityGroup sg = r.cloud().securityGroup(groupId);
        Render.returnTrue(out);
        Render.items(out, "securityGroupRuleSet", created, (o, rule) -> rule(o, r.cloud(), sg, rule, r.now()));
    }

    private static void revoke(Request r, XmlWriter out, boolean egress) {
        String groupId = groupId(r.params());
        List<SecurityGroups.Permission> permissions = permissions(r.params());
        List<String> ruleIds = r.params().list("SecurityGroupRuleId");
        List<SecurityGroupRule> revoked = r.cloud().securityGroups().revoke(r.caller(), groupId, egress,
                permissions, ruleIds, r.now());
        Render.returnTrue(out);
        Render.items(out, "revokedSecurityGroupRuleSet", revoked, (o, rule) -> {
            o.element("securityGroupRuleId", rule.ruleId())
                    .element("groupId", rule.groupId())
                    .element("isEgress", rule.egress())
                    .element("ipProtocol", rule.protocol())
                    .element("fromPort", rule.fromPort())
                    .element("toPort", rule.toPort());
            peer(o, rule);
            if (rule.referencedGroup() != null) {
                o.element("referencedGroupId", rule.referencedGroup().groupId());
            }
            o.element("description", rule.description());
        });
    }

    private record RuleRow(SecurityGroup group, SecurityGroupRule rule, long order) {
    }

    private static void describeRules(Request r, XmlWriter out) {
        Cloud cloud = r.cloud();
        List<RuleRow> rows = new ArrayList<>();
        for (SecurityGroup sg : cloud.visible(cloud.allSecurityGroups(), r.caller())) {
            List<SecurityGroupRule> rules = sg.rules();
            for (int i = 0; i < rules.size(); i++) {
                rows.add(new RuleRow(sg, rules.get(i), (sg.sequence() << 20) + i));
            }
        }
        ResourceQuery<RuleRow> query = new ResourceQuery<RuleRow>(row -> row.rule().ruleId(), RuleRow::order,
                row -> Map.of())
                .filter("group-id", row -> row.group().id())
                .filter("security-group-rule-id", row -> row.rule().ruleId());
        var page = query.run(rows, r.params().list("SecurityGroupRuleId"), r.params(),
                Render.notFound("InvalidSecurityGroupRuleId.NotFound",
                        "The security group rule ID '%s' does not exist"));
        Render.items(out, "securityGroupRuleSet", page.items(),
                (o, row) -> rule(o, cloud, row.group(), row.rule(), r.now()));
        Render.nextToken(out, page.nextToken());
    }

    private record StaleGroup(SecurityGroup group, List<SecurityGroups.StaleRule> rules) {
    }

    private static void describeStale(Request r, XmlWriter out) {
        Cloud cloud = r.cloud();
        Vpc vpc = cloud.requireVpc(r.caller(), r.params().required("VpcId"));
        List<StaleGroup> stale = new ArrayList<>();
        for (String id : vpc.securityGroupIds()) {
            SecurityGroup sg = cloud.securityGroup(id);
            List<SecurityGroups.StaleRule> rules = cloud.securityGroups().staleRules(sg, r.now());
            if (!rules.isEmpty()) {
                stale.add(new StaleGroup(sg, rules));
            }
        }
        ResourceQuery<StaleGroup> query = new ResourceQuery<StaleGroup>(s -> s.group().id(),
                s -> s.group().sequence(), s -> Map.of());
        var page = query.run(stale, List.of(), r.params(), id -> new CloudException("InvalidGroup.NotFound",
                "The security group '" + id + "' does not exist"));
        Render.items(out, "staleSecurityGroupSet", page.items(), (o, s) -> {
            o.element("description", s.group().description())
                    .element("groupId", s.group().id())
                    .element("groupName", s.group().name())
                    .element("vpcId", s.group().vpcId());
            staleRules(o, "staleIpPermissions", s.rules(), false);
            staleRules(o, "staleIpPermissionsEgress", s.rules(), true);
        });
        Render.nextToken(out, page.nextToken());
    }

    private static void staleRules(XmlWriter out, String element, List<SecurityGroups.StaleRule> all, boolean egress) {
        Map<String, List<SecurityGroups.StaleRule>> grouped = new LinkedHashMap<>();
        for (SecurityGroups.StaleRule s : all) {
            if (s.rule().egress() == egress) {
                grouped.computeIfAbsent(permissionKey(s.rule()), k -> new ArrayList<>()).add(s);
            }
        }
        Render.items(out, element, grouped.values(), (o, rules) -> {
            SecurityGroupRule first = rules.get(0).rule();
            o.element("fromPort", first.fromPort())
                    .element("ipProtocol", first.protocol())
                    .element("toPort", first.toPort());
            Render.items(o, "groups", rules, (g, s) -> {
                SecurityGroupRule.GroupReference ref = s.rule().referencedGroup();
                g.element("description", s.rule().description())
                        .element("groupId", ref.groupId())
                        .element("peeringStatus", s.peeringStatus())
                        .element("userId", ref.userId())
                        .element("vpcId", ref.vpcId())
                        .element("vpcPeeringConnectionId", ref.vpcPeeringConnectionId());
            });
        });
    }

    // ---- request parsing ----

    /** The target group: by {@code GroupId}; a {@code GroupName} alone needs a default VPC, which no account has here. */
    private static String groupId(Params params) {
        String groupId = params.string("GroupId");
        String groupName = params.string("GroupName");
        if ((groupId == null || groupId.isEmpty()) && groupName != null && !groupName.isEmpty()) {
            throw SecurityGroups.groupNameNeedsDefaultVpc();
        }
        return groupId;
    }

    /** {@code IpPermissions.N.*}, plus the legacy flat form ({@code IpProtocol}, {@code CidrIp}, …) as one more permission. */
    static List<SecurityGroups.Permission> permissions(Params params) {
        List<SecurityGroups.Permission> out = new ArrayList<>();
        for (Params p : params.structs("IpPermissions")) {
            List<SecurityGroups.GroupPeer> groups = new ArrayList<>();
            for (String listName : List.of("Groups", "UserIdGroupPairs")) {
                for (Params g : p.structs(listName)) {
                    groups.add(new SecurityGroups.GroupPeer(g.string("GroupId"), g.string("UserId"), g.string("VpcId"),
                            g.string("VpcPeeringConnectionId"), g.string("Description")));
                }
            }
            List<String> prefixLists = new ArrayList<>();
            for (Params pl : p.structs("PrefixListIds")) {
                if (pl.string("PrefixListId") != null) {
                    prefixLists.add(pl.string("PrefixListId"));
                }
            }
            out.add(new SecurityGroups.Permission(p.string("IpProtocol"), p.integer("FromPort"), p.integer("ToPort"),
                    cidrs(p, "IpRanges", "CidrIp"), cidrs(p, "Ipv6Ranges", "CidrIpv6"), prefixLists, groups));
        }
        String protocol = params.string("IpProtocol");
        String cidr = params.string("CidrIp");
        String sourceName = params.string("SourceSecurityGroupName");
        String sourceOwner = params.string("SourceSecurityGroupOwnerId");
        Integer from = params.integer("FromPort");
        Integer to = params.integer("ToPort");
        if (protocol != null || cidr != null || sourceName != null || sourceOwner != null || from != null
                || to != null) {
            List<SecurityGroups.CidrPeer> ranges = cidr == null ? List.of()
                    : List.of(new SecurityGroups.CidrPeer(cidr, null));
            List<SecurityGroups.GroupPeer> groups = sourceName == null && sourceOwner == null ? List.of()
                    : List.of(new SecurityGroups.GroupPeer(null, sourceOwner, null, null, null));
            if (protocol == null && cidr == null && !groups.isEmpty()) {
                protocol = "-1"; // a source group alone grants every protocol
            }
            out.add(new SecurityGroups.Permission(protocol, from, to, ranges, List.of(), List.of(), groups));
        }
        return out;
    }

    private static List<SecurityGroups.CidrPeer> cidrs(Params permission, String listName, String field) {
        List<SecurityGroups.CidrPeer> out = new ArrayList<>();
        for (Params c : permission.structs(listName)) {
            out.add(new SecurityGroups.CidrPeer(c.string(field), c.string("Description")));
        }
        return out;
    }

    // ---- rendering ----

    static void group(XmlWriter out, Cloud cloud, SecurityGroup sg, Instant now) {
        out.element("ownerId", sg.ownerId())
                .element("groupId", sg.id())
                .element("groupName", sg.name())
                .element("groupDescription", sg.description())
                .element("vpcId", sg.vpcId())
                .element("securityGroupArn", sg.arn());
        permissions(out, "ipPermissions", cloud, sg, sg.rules(false), now);
        permissions(out, "ipPermissionsEgress", cloud, sg, sg.rules(true), now);
        Render.tags(out, sg.tags().asMap());
    }

    /** Rules with the same protocol and ports become one IpPermission, as AWS reports them. */
    private static void permissions(XmlWriter out, String element, Cloud cloud, SecurityGroup sg,
                                    List<SecurityGroupRule> rules, Instant now) {
        Map<String, List<SecurityGroupRule>> grouped = new LinkedHashMap<>();
        for (SecurityGroupRule rule : rules) {
            grouped.computeIfAbsent(permissionKey(rule), k -> new ArrayList<>()).add(rule);
        }
        Render.items(out, element, grouped.values(), (o, same) -> {
            SecurityGroupRule first = same.get(0);
            o.element("ipProtocol", first.protocol())
                    .element("fromPort", first.fromPort())
                    .element("toPort", first.toPort());
            Render.items(o, "groups", only(same, x -> x.referencedGroup() != null), (g, rule) -> {
                SecurityGroupRule.GroupReference ref = rule.referencedGroup();
                g.element("userId", ref.userId()).element("groupId", ref.groupId());
                if (isPeerReference(sg, ref)) {
                    g.element("vpcId", ref.vpcId())
                            .element("vpcPeeringConnectionId", ref.vpcPeeringConnectionId())
                            .element("peeringStatus", peeringStatus(cloud, sg, ref, now));
                }
                g.element("description", rule.description());
            });
            Render.items(o, "ipRanges", only(same, x -> x.cidr() != null && !x.cidr().v6()),
                    (c, rule) -> c.element("cidrIp", rule.cidr()).element("description", rule.description()));
            Render.items(o, "ipv6Ranges", only(same, x -> x.cidr() != null && x.cidr().v6()),
                    (c, rule) -> c.element("cidrIpv6", rule.cidr()).element("description", rule.description()));
            Render.items(o, "prefixListIds", only(same, x -> x.prefixListId() != null),
                    (c, rule) -> c.element("prefixListId", rule.prefixListId())
                            .element("description", rule.description()));
        });
    }

    /** One SecurityGroupRule, as Authorize and DescribeSecurityGroupRules return it. */
    static void rule(XmlWriter out, Cloud cloud, SecurityGroup sg, SecurityGroupRule rule, Instant now) {
        out.element("securityGroupRuleId", rule.ruleId())
                .element("groupId", rule.groupId())
                .element("groupOwnerId", sg.ownerId())
                .element("isEgress", rule.egress())
                .element("ipProtocol", rule.protocol())
                .element("fromPort", rule.fromPort())
                .element("toPort", rule.toPort());
        peer(out, rule);
        SecurityGroupRule.GroupReference ref = rule.referencedGroup();
        if (ref != null) {
            out.open("referencedGroupInfo").element("groupId", ref.groupId()).element("userId", ref.userId());
            if (isPeerReference(sg, ref)) {
                out.element("vpcId", ref.vpcId())
                        .element("vpcPeeringConnectionId", ref.vpcPeeringConnectionId())
                        .element("peeringStatus", peeringStatus(cloud, sg, ref, now));
            }
            out.close("referencedGroupInfo");
        }
        out.element("description", rule.description());
        Render.tags(out, Map.of());
        out.element("securityGroupRuleArn", "arn:aws:ec2:" + sg.region() + ":" + sg.ownerId()
                + ":security-group-rule/" + rule.ruleId());
    }

    private static void peer(XmlWriter out, SecurityGroupRule rule) {
        if (rule.cidr() != null) {
            out.element(rule.cidr().v6() ? "cidrIpv6" : "cidrIpv4", rule.cidr());
        }
        out.element("prefixListId", rule.prefixListId());
    }

    private static boolean isPeerReference(SecurityGroup sg, SecurityGroupRule.GroupReference ref) {
        return ref.vpcId() != null && !ref.vpcId().equals(sg.vpcId());
    }

    /** {@code active} while the VPCs are peered, else the state of the connection the rule was made through. */
    private static String peeringStatus(Cloud cloud, SecurityGroup sg, SecurityGroupRule.GroupReference ref,
                                        Instant now) {
        if (cloud.activePeeringBetween(sg.vpcId(), ref.vpcId(), now) != null) {
            return PeeringState.ACTIVE.code();
        }
        PeeringConnection original = ref.vpcPeeringConnectionId() == null ? null
                : cloud.peering(ref.vpcPeeringConnectionId());
        return original == null ? PeeringState.DELETED.code() : original.stateAt(now).code();
    }

    private static String permissionKey(SecurityGroupRule rule) {
        return rule.protocol() + "|" + rule.fromPort() + "|" + rule.toPort();
    }

    private static List<SecurityGroupRule> only(List<SecurityGroupRule> rules, Predicate<SecurityGroupRule> test) {
        List<SecurityGroupRule> out = new ArrayList<>();
        for (SecurityGroupRule rule : rules) {
            if (test.test(rule)) {
                out.add(rule);
            }
        }
        return out;
    }

    // ---- filters ----

    /** The ip-permission.* (or egress.ip-permission.*) filters over one direction's rules. */
    private static ResourceQuery<SecurityGroup> permissionFilters(ResourceQuery<SecurityGroup> query, String prefix,
                                                                  boolean egress) {
        return query
                .filterMany(prefix + "cidr", g -> values(g, egress,
                        r -> r.cidr() != null && !r.cidr().v6() ? r.cidr().toString() : null))
                .filterMany(prefix + "ipv6-cidr", g -> values(g, egress,
                        r -> r.cidr() != null && r.cidr().v6() ? r.cidr().toString() : null))
                .filterMany(prefix + "from-port", g -> values(g, egress,
                        r -> r.fromPort() == null ? null : r.fromPort().toString()))
                .filterMany(prefix + "to-port", g -> values(g, egress,
                        r -> r.toPort() == null ? null : r.toPort().toString()))
                .filterMany(prefix + "protocol", g -> protocols(g, egress))
                .filterMany(prefix + "group-id", g -> values(g, egress,
                        r -> r.referencedGroup() == null ? null : r.referencedGroup().groupId()))
                .filterMany(prefix + "user-id", g -> values(g, egress,
                        r -> r.referencedGroup() == null ? null : r.referencedGroup().userId()))
                .filterMany(prefix + "prefix-list-id", g -> values(g, egress, SecurityGroupRule::prefixListId));
    }

    private static Collection<String> values(SecurityGroup g, boolean egress, Function<SecurityGroupRule, String> f) {
        Set<String> out = new LinkedHashSet<>();
        for (SecurityGroupRule r : g.rules(egress)) {
            String v = f.apply(r);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** Both spellings of each rule's protocol, so {@code tcp} and {@code 6} match alike. */
    private static Collection<String> protocols(SecurityGroup g, boolean egress) {
        Set<String> out = new LinkedHashSet<>();
        for (SecurityGroupRule r : g.rules(egress)) {
            out.add(r.protocol());
            out.add(Protocol.canonicalNumber(r.protocol()));
        }
        return out;
    }
}

package io.peerdesk.domain.cloud.ec2;

import io.peerdesk.domain.cloud.CidrBlock;
import io.peerdesk.domain.cloud.NetworkAcl;
import io.peerdesk.domain.cloud.NetworkAclEntry;
import io.peerdesk.domain.cloud.Route;
import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.RuleDirection;
import io.peerdesk.domain.cloud.SecurityGroup;
import io.peerdesk.domain.cloud.SecurityGroupRule;
import io.peerdesk.domain.cloud.Subnet;
import io.peerdesk.domain.cloud.Vpc;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Puts one region's Describe results together, VPC by VPC, as the port's records. */
final class VpcAssembler {

    private final String region;
    private final Map<String, List<software.amazon.awssdk.services.ec2.model.Subnet>> subnets;
    private final Map<String, List<software.amazon.awssdk.services.ec2.model.RouteTable>> routeTables;
    private final Map<String, List<software.amazon.awssdk.services.ec2.model.SecurityGroup>> groups;
    private final Map<String, List<software.amazon.awssdk.services.ec2.model.SecurityGroupRule>> rulesByGroup;
    private final Map<String, List<software.amazon.awssdk.services.ec2.model.NetworkAcl>> acls;

    VpcAssembler(String region, List<software.amazon.awssdk.services.ec2.model.Subnet> subnets,
                 List<software.amazon.awssdk.services.ec2.model.RouteTable> routeTables,
                 List<software.amazon.awssdk.services.ec2.model.SecurityGroup> groups,
                 List<software.amazon.awssdk.services.ec2.model.SecurityGroupRule> rules,
                 List<software.amazon.awssdk.services.ec2.model.NetworkAcl> acls) {
        this.region = region;
        this.subnets = byKey(subnets, software.amazon.awssdk.services.ec2.model.Subnet::vpcId);
        this.routeTables = byKey(routeTables, software.amazon.awssdk.services.ec2.model.RouteTable::vpcId);
        this.groups = byKey(groups, software.amazon.awssdk.services.ec2.model.SecurityGroup::vpcId);
        this.rulesByGroup = byKey(rules, software.amazon.awssdk.services.ec2.model.SecurityGroupRule::groupId);
        this.acls = byKey(acls, software.amazon.awssdk.services.ec2.model.NetworkAcl::vpcId);
    }

    List<Vpc> assemble(List<software.amazon.awssdk.services.ec2.model.Vpc> vpcs) {
        return vpcs.stream().map(this::vpc).toList();
    }

    private Vpc vpc(software.amazon.awssdk.services.ec2.model.Vpc v) {
        String id = v.vpcId();
        return new Vpc(id, v.ownerId(), region, name(v.tags()), v.stateAsString(), Boolean.TRUE.equals(v.isDefault()),
                cidrBlocks(v),
                of(subnets, id).stream().map(VpcAssembler::subnet).toList(),
                of(routeTables, id).stream().map(VpcAssembler::routeTable).toList(),
                of(groups, id).stream().map(this::securityGroup).toList(),
                of(acls, id).stream().map(VpcAssembler::networkAcl).toList());
    }

    private static List<CidrBlock> cidrBlocks(software.amazon.awssdk.services.ec2.model.Vpc v) {
        List<CidrBlock> blocks = new ArrayList<>();
        v.cidrBlockAssociationSet().forEach(b -> blocks.add(new CidrBlock(b.cidrBlock(), false,
                b.cidrBlockState() == null ? "associated" : b.cidrBlockState().stateAsString())));
        if (blocks.isEmpty() && v.cidrBlock() != null) {
            blocks.add(new CidrBlock(v.cidrBlock(), false, "associated"));
        }
        v.ipv6CidrBlockAssociationSet().forEach(b -> blocks.add(new CidrBlock(b.ipv6CidrBlock(), true,
                b.ipv6CidrBlockState() == null ? "associated" : b.ipv6CidrBlockState().stateAsString())));
        return blocks;
    }

    private static Subnet subnet(software.amazon.awssdk.services.ec2.model.Subnet s) {
        String ipv6 = s.ipv6CidrBlockAssociationSet().stream().map(b -> b.ipv6CidrBlock()).findFirst().orElse(null);
        return new Subnet(s.subnetId(), name(s.tags()), s.cidrBlock(), ipv6, s.availabilityZone(),
                s.availableIpAddressCount() == null ? 0 : s.availableIpAddressCount(), s.stateAsString());
    }

    private static RouteTable routeTable(software.amazon.awssdk.services.ec2.model.RouteTable t) {
        List<RouteTable.Association> associations = t.associations().stream()
                .map(a -> new RouteTable.Association(a.routeTableAssociationId(), a.subnetId(), Boolean.TRUE.equals(a.main())))
                .toList();
        boolean main = associations.stream().anyMatch(RouteTable.Association::main);
        return new RouteTable(t.routeTableId(), name(t.tags()), main, associations,
                t.routes().stream().map(VpcAssembler::route).toList());
    }

    private static Route route(software.amazon.awssdk.services.ec2.model.Route r) {
        String destination = first(r.destinationCidrBlock(), r.destinationIpv6CidrBlock(), r.destinationPrefixListId());
        String target = first(r.gatewayId(), r.vpcPeeringConnectionId(), r.natGatewayId(), r.transitGatewayId(),
                r.networkInterfaceId(), r.instanceId(), r.egressOnlyInternetGatewayId(), r.localGatewayId(),
                r.carrierGatewayId(), r.coreNetworkArn());
        return new Route(destination == null ? "-" : destination, target == null ? "-" : target,
                r.state() == null ? Route.ACTIVE : r.stateAsString(), r.originAsString());
    }

    private SecurityGroup securityGroup(software.amazon.awssdk.services.ec2.model.SecurityGroup g) {
        List<SecurityGroupRule> rules = of(rulesByGroup, g.groupId()).stream().map(VpcAssembler::rule).toList();
        String name = g.groupName() == null ? g.groupId() : g.groupName();
        return new SecurityGroup(g.groupId(), name, g.description(), g.ownerId(), rules);
    }

    static SecurityGroupRule rule(software.amazon.awssdk.services.ec2.model.SecurityGroupRule r) {
        var ref = r.referencedGroupInfo();
        return new SecurityGroupRule(r.securityGroupRuleId(),
                Boolean.TRUE.equals(r.isEgress()) ? RuleDirection.EGRESS : RuleDirection.INGRESS,
                r.ipProtocol(), r.fromPort(), r.toPort(), first(r.cidrIpv4(), r.cidrIpv6()), r.prefixListId(),
                ref == null ? null : ref.groupId(), ref == null ? null : ref.userId(), r.description());
    }

    private static NetworkAcl networkAcl(software.amazon.awssdk.services.ec2.model.NetworkAcl a) {
        List<NetworkAclEntry> entries = a.entries().stream().map(e -> new NetworkAclEntry(
                e.ruleNumber(), Boolean.TRUE.equals(e.egress()) ? RuleDirection.EGRESS : RuleDirection.INGRESS,
                e.protocol(), e.ruleActionAsString(), first(e.cidrBlock(), e.ipv6CidrBlock()),
                e.portRange() == null ? null : e.portRange().from(), e.portRange() == null ? null : e.portRange().to(),
                e.icmpTypeCode() == null ? null : e.icmpTypeCode().type(),
                e.icmpTypeCode() == null ? null : e.icmpTypeCode().code())).toList();
        List<NetworkAcl.Association> associations = a.associations().stream()
                .map(x -> new NetworkAcl.Association(x.networkAclAssociationId(), x.subnetId())).toList();
        return new NetworkAcl(a.networkAclId(), name(a.tags()), Boolean.TRUE.equals(a.isDefault()), entries, associations);
    }

    private static String name(List<Tag> tags) {
        return tags.stream().filter(t -> "Name".equals(t.key())).map(Tag::value).findFirst().orElse(null);
    }

    private static String first(String... values) {
        return Stream.of(values).filter(v -> v != null && !v.isEmpty()).findFirst().orElse(null);
    }

    private static <T> Map<String, List<T>> byKey(Collection<T> items, Function<T, String> key) {
        return items.stream().filter(i -> key.apply(i) != null).collect(Collectors.groupingBy(key));
    }

    private static <T> List<T> of(Map<String, List<T>> map, String key) {
        return map.getOrDefault(key, List.of());
    }
}

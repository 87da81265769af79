package io.peerdesk.domain.cloud.ec2;

import io.peerdesk.domain.cloud.AuthorizedRule;
import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.cloud.IngressRule;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Routes to a peering connection and inbound security-group rules, each idempotent in both directions. */
final class Ec2Routing {

    private static final Set<String> ROUTE_GONE = Set.of("InvalidRoute.NotFound", "InvalidRouteTableID.NotFound");
    private static final Set<String> RULE_GONE = Set.of("InvalidPermission.NotFound", "InvalidGroup.NotFound");

    private final Ec2Client ec2;
    private final Ec2Calls calls;

    Ec2Routing(Ec2Client ec2, Ec2Calls calls) {
        this.ec2 = ec2;
        this.calls = calls;
    }

    void createRoute(String routeTableId, String destination, String pcxId) {
        boolean v6 = destination.contains(":");
        try {
            calls.call("CreateRoute", () -> ec2.createRoute(r -> {
                r.routeTableId(routeTableId).vpcPeeringConnectionId(pcxId);
                if (v6) {
                    r.destinationIpv6CidrBlock(destination);
                } else {
                    r.destinationCidrBlock(destination);
                }
            }));
        } catch (CloudFailure e) {
            if (!"RouteAlreadyExists".equals(e.code())) {
                throw e;
            }
            String target = existingTarget(routeTableId, destination);
            if (!pcxId.equals(target)) {
                throw new CloudFailure(e.code(), "Route table " + routeTableId + " already routes " + destination
                        + " to " + target + ", not to " + pcxId + ". Remove that route or route another destination.", false);
            }
        }
    }

    void deleteRoute(String routeTableId, String destination) {
        boolean v6 = destination.contains(":");
        calls.callUnlessGone("DeleteRoute", ROUTE_GONE, () -> ec2.deleteRoute(r -> {
            r.routeTableId(routeTableId);
            if (v6) {
                r.destinationIpv6CidrBlock(destination);
            } else {
                r.destinationCidrBlock(destination);
            }
        }));
    }

    AuthorizedRule authorize(String groupId, IngressRule rule) {
        try {
            List<SecurityGroupRule> created = calls.call("AuthorizeSecurityGroupIngress", () -> ec2
                    .authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permission(rule, true)))
                    .securityGroupRules());
            String id = created.stream().map(SecurityGroupRule::securityGroupRuleId).findFirst().orElse(null);
            return new AuthorizedRule(id, true, rule.description());
        } catch (CloudFailure e) {
            if (!"InvalidPermission.Duplicate".equals(e.code())) {
                throw e;
            }
            return existing(groupId, rule).orElseThrow(() -> e);
        }
    }

    void revoke(String groupId, IngressRule rule) {
        calls.callUnlessGone("RevokeSecurityGroupIngress", RULE_GONE,
                () -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permission(rule, false))));
    }

    private String existingTarget(String routeTableId, String destination) {
        List<Route> routes = calls.call("DescribeRouteTables", () -> ec2.describeRouteTables(
                r -> r.routeTableIds(routeTableId)).routeTables()).stream().flatMap(t -> t.routes().stream()).toList();
        return routes.stream()
                .filter(r -> destination.equals(r.destinationCidrBlock()) || destination.equals(r.destinationIpv6CidrBlock()))
                .map(Ec2Routing::target).findFirst().orElse("another target");
    }

    private Optional<AuthorizedRule> existing(String groupId, IngressRule rule) {
        Filter inGroup = Filter.builder().name("group-id").values(groupId).build();
        List<SecurityGroupRule> rules = calls.call("DescribeSecurityGroupRules",
                () -> ec2.describeSecurityGroupRules(r -> r.filters(inGroup)).securityGroupRules());
        return rules.stream().filter(r -> !Boolean.TRUE.equals(r.isEgress()))
                .filter(r -> rule.sameAs(VpcAssembler.rule(r)))
                .findFirst().map(r -> new AuthorizedRule(r.securityGroupRuleId(), false, r.description()));
    }

    private static IpPermission permission(IngressRule rule, boolean withDescription) {
        boolean v6 = rule.cidr().contains(":");
        String description = withDescription ? rule.description() : null;
        IpPermission.Builder p = IpPermission.builder().ipProtocol(rule.protocol());
        if (!"-1".equals(rule.protocol())) {
            p.fromPort(rule.fromPort() == null ? -1 : rule.fromPort()).toPort(rule.toPort() == null ? -1 : rule.toPort());
        }
        if (v6) {
            p.ipv6Ranges(r -> r.cidrIpv6(rule.cidr()).description(description));
        } else {
            p.ipRanges(r -> r.cidrIp(rule.cidr()).description(description));
        }
        return p.build();
    }

    private static String target(Route r) {
        return Stream.of(r.vpcPeeringConnectionId(), r.gatewayId(), r.natGatewayId(), r.transitGatewayId(),
                        r.networkInterfaceId(), r.instanceId())
                .filter(t -> t != null && !t.isEmpty()).findFirst().orElse("another target");
    }
}

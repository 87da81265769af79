package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.NetworkAcl;
import io.peerdesk.sim.cloud.PeeringConnection;
import io.peerdesk.sim.cloud.SecurityGroup;
import io.peerdesk.sim.cloud.Subnet;
import io.peerdesk.sim.cloud.Vpc;
import io.peerdesk.sim.net.PortRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.peerdesk.sim.insights.ExplanationCode.BAD_STATE_ROUTE;
import static io.peerdesk.sim.insights.ExplanationCode.DISCONNECTED_VPCS;
import static io.peerdesk.sim.insights.ExplanationCode.ENI_SG_RULES_MISMATCH;
import static io.peerdesk.sim.insights.ExplanationCode.NO_PATH;
import static io.peerdesk.sim.insights.ExplanationCode.NO_ROUTE_TO_DESTINATION;
import static io.peerdesk.sim.insights.ExplanationCode.NO_SOURCE_OR_DESTINATION;
import static io.peerdesk.sim.insights.ExplanationCode.PCX_REQUIRES_ADDRESS_IN_VPC_CIDR;
import static io.peerdesk.sim.insights.ExplanationCode.SG_HAS_NO_RULES;
import static io.peerdesk.sim.insights.ExplanationCode.SUBNET_ACL_RESTRICTION;
import static io.peerdesk.sim.insights.World.A;
import static io.peerdesk.sim.insights.World.A_WEST;
import static io.peerdesk.sim.insights.World.B;
import static io.peerdesk.sim.insights.World.C;
import static org.assertj.core.api.Assertions.assertThat;

class ReachabilityAnalyzerTests {

    private final World world = new World();

    /** Account A's VPC 10.0.0.0/16 and account B's 10.1.0.0/16, one subnet each, peered and routed both ways. */
    private final class TwoAccounts {
        final Vpc vpcA = world.vpc(A, "10.0.0.0/16");
        final Subnet subnetA = world.subnet(vpcA, "10.0.1.0/24");
        final Vpc vpcB = world.vpc(B, "10.1.0.0/16");
        final Subnet subnetB = world.subnet(vpcB, "10.1.1.0/24");
        final PeeringConnection pcx = world.peer(vpcA, vpcB);

        TwoAccounts routed() {
            world.route(vpcA, "10.1.0.0/16", pcx);
            world.route(vpcB, "10.0.0.0/16", pcx);
            return this;
        }

        TwoAccounts serving(int port) {
            world.allowFromCidr(world.defaultGroup(vpcB), false, "tcp", port, port, "10.0.0.0/16");
            return this;
        }

        Query toB(int port) {
            return Query.of(subnetA.id(), "10.1.1.10", "tcp", port).withDestination(subnetB.id());
        }
    }

    @Test
    void findsPathAcrossActiveCrossAccountPeeringWithRoutesAndRulesBothWays() {
        TwoAccounts w = new TwoAccounts().routed().serving(443);

        Analysis analysis = world.analyze(w.toB(443));

        assertThat(analysis.networkPathFound()).isTrue();
        assertThat(analysis.explanations()).isEmpty();
        assertThat(types(analysis.forwardPathComponents())).containsExactly("subnet", "network-acl", "security-group",
                "route-table", "vpc-peering-connection", "network-acl", "security-group", "subnet");
        assertThat(analysis.forwardPathComponents()).extracting(PathComponent::sequenceNumber)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        PathComponent route = analysis.forwardPathComponents().get(3);
        assertThat(route.routeTableRoute().destinationCidr()).isEqualTo("10.1.0.0/16");
        assertThat(route.routeTableRoute().vpcPeeringConnectionId()).isEqualTo(w.pcx.id());
        assertThat(route.routeTableRoute().state()).isEqualTo("active");
        PathComponent peering = analysis.forwardPathComponents().get(4);
        assertThat(peering.sourceVpc().id()).isEqualTo(w.vpcA.id());
        assertThat(peering.destinationVpc().id()).isEqualTo(w.vpcB.id());
        assertThat(peering.component().arn()).isEqualTo("arn:aws:ec2:us-east-1:111111111111:vpc-peering-connection/"
                + w.pcx.id());
        PathComponent ingress = analysis.forwardPathComponents().get(6);
        assertThat(ingress.component().id()).isEqualTo(w.vpcB.defaultSecurityGroupId());
        assertThat(ingress.securityGroupRule().egress()).isFalse();
        assertThat(ingress.securityGroupRule().fromPort()).isEqualTo(443);
        assertThat(analysis.forwardPathComponents().get(5).aclRule().ruleNumber()).isEqualTo(100);
        assertThat(types(analysis.returnPathComponents())).containsExactly("subnet", "network-acl", "route-table",
                "vpc-peering-connection", "network-acl", "subnet");
        assertThat(analysis.returnPathComponents().get(2).routeTableRoute().destinationCidr()).isEqualTo("10.0.0.0/16");
    }

    @Test
    void missingReturnRouteFailsOnTheReturnPathWithNoRouteToDestination() {
        TwoAccounts w = new TwoAccounts().serving(443);
        world.route(w.vpcA, "10.1.0.0/16", w.pcx);

        Analysis analysis = world.analyze(w.toB(443));

        assertThat(analysis.networkPathFound()).isFalse();
        assertThat(analysis.codes()).containsExactly(NO_ROUTE_TO_DESTINATION);
        Explanation why = analysis.explanations().get(0);
        assertThat(why.leg()).isEqualTo(Leg.RETURN);
        assertThat(why.routeTable().id()).isEqualTo(w.vpcB.mainRouteTableId());
        assertThat(why.address()).isEqualTo("10.0.1.4");
        assertThat(why.componentAccount()).isEqualTo(B.accountId());
        assertThat(types(analysis.forwardPathComponents())).endsWith("subnet");
        assertThat(analysis.forwardPathComponents()).last().extracting(c -> c.component().id())
                .isEqualTo(w.subnetB.id());
    }

    @Test
    void routeToPendingPeeringIsBadStateRoute() {
        Vpc vpcA = world.vpc(A, "10.0.0.0/16");
        Subnet subnetA = world.subnet(vpcA, "10.0.1.0/24");
        Vpc vpcB = world.vpc(B, "10.1.0.0/16");
        Subnet subnetB = world.subnet(vpcB, "10.1.1.0/24");
        PeeringConnection pending = world.request(vpcA, vpcB);
        world.route(vpcA, "10.1.0.0/16", pending);

        Analysis analysis = world.analyze(Query.of(subnetA.id(), "10.1.1.10", "tcp", 443)
                .withDestination(subnetB.id()));

        assertThat(analysis.networkPathFound()).isFalse();
        Explanation why = analysis.explanation(BAD_STATE_ROUTE);
        assertThat(why.routeTableRoute().state()).isEqualTo("blackhole");
        assertThat(why.routeTableRoute().vpcPeeringConnectionId()).isEqualTo(pending.id());
        assertThat(why.vpcPeeringConnection().id()).isEqualTo(pending.id());
        assertThat(why.state()).isEqualTo("pending-acceptance");
        assertThat(analysis.codes()).containsExactly(BAD_STATE_ROUTE, DISCONNECTED_VPCS);
    }

    @Test
    void refusesTransitivePeeringThroughTheMiddleVpc() {
        Vpc vpcA = world.vpc(A, "10.0.0.0/16");
        Subnet subnetA = world.subnet(vpcA, "10.0.1.0/24");
        Vpc vpcB = world.vpc(B, "10.1.0.0/16");
        Vpc vpcC = world.vpc(C, "10.2.0.0/16");
        Subnet subnetC = world.subnet(vpcC, "10.2.1.0/24");
        PeeringConnection ab = world.peer(vpcA, vpcB);
        PeeringConnection bc = world.peer(vpcB, vpcC);
        world.route(vpcA, "10.2.0.0/16", ab);
        world.route(vpcB, "10.2.0.0/16", bc);
        world.route(vpcB, "10.0.0.0/16", ab);
        world.route(vpcC, "10.0.0.0/16", bc);
        world.allowFromCidr(world.defaultGroup(vpcC), false, "tcp", 443, 443, "0.0.0.0/0");

        Analysis analysis = world.analyze(Query.of(subnetA.id(), "10.2.1.10", "tcp", 443)
                .withDestination(subnetC.id()));

        assertThat(analysis.networkPathFound()).isFalse();
        assertThat(analysis.codes()).containsExactly(PCX_REQUIRES_ADDRESS_IN_VPC_CIDR, DISCONNECTED_VPCS);
        Explanation why = analysis.explanations().get(0);
        assertThat(why.component().id()).isEqualTo(ab.id());
        assertThat(why.destinationVpc().id()).isEqualTo(vpcB.id());
        assertThat(why.cidrs()).containsExactly("10.1.0.0/16");
        assertThat(why.address()).isEqualTo("10.2.1.10");
    }

    @Test
    void refusesEdgeToEdgeRoutingThroughThePeersInternetGateway() {
        Vpc hub = world.vpc(A, "10.0.0.0/16");
        world.subnet(hub, "10.0.1.0/24");
        world.internetGateway(hub, "0.0.0.0/0");
        Vpc spoke = world.vpc(B, "10.1.0.0/16");
        Subnet spokeSubnet = world.subnet(spoke, "10.1.1.0/24");
        PeeringConnection pcx = world.peer(hub, spoke);
        world.route(spoke, "0.0.0.0/0", pcx);

        Analysis analysis = world.analyze(Query.of(spokeSubnet.id(), "8.8.8.8", "tcp", 443));

        assertThat(analysis.networkPathFound()).isFalse();
        assertThat(analysis.codes()).containsExactly(PCX_REQUIRES_ADDRESS_IN_VPC_CIDR);
        assertThat(analysis.explanations().get(0).vpcPeeringConnection().id()).isEqualTo(pcx.id());
        assertThat(analysis.explanations().get(0).routeTableRoute().destinationCidr()).isEqualTo("0.0.0.0/0");
    }

    @Test
    void routeToOwnInternetGatewayLeadsOutOfTheAnalysedVpcs() {
        Vpc vpc = world.vpc(A, "10.0.0.0/16");
        Subnet subnet = world.subnet(vpc, "10.0.1.0/24");
        String igw = world.internetGateway(vpc, "0.0.0.0/0").id();

        Analysis analysis = world.analyze(Query.of(subnet.id(), "8.8.8.8", "tcp", 443));

        assertThat(analysis.codes()).containsExactly(NO_PATH);
        assertThat(analysis.explanations().get(0).internetGateway().id()).isEqualTo(igw);
    }

    @Test
    void securityGroupWithoutMatchingRuleIsEniSgRulesMismatch() {
        Vpc vpc = world.vpc(A, "10.0.0.0/16");
        Subnet client = world.subnet(vpc, "10.0.1.0/24");
        world.subnet(vpc, "10.0.2.0/24");
        SecurityGroup app = world.group(vpc, "app");
        world.allowFromCidr(world.defaultGroup(vpc), false, "tcp", 80, 80, "10.0.0.0/16");

        Analysis analysis = world.analyze(Query.of(client.id(), "10.0.2.10", "tcp", 443).withSourceGroups(app.id()));

        assertThat(analysis.codes()).containsExactly(ENI_SG_RULES_MISMATCH);
        Explanation why = analysis.explanations().get(0);
        assertThat(why.direction()).isEqualTo("ingress");
        assertThat(why.securityGroup().id()).isEqualTo(vpc.defaultSecurityGroupId());
        assertThat(why.port()).isEqualTo(443);
    }

    @Test
    void defaultGroupsAdmitEachOtherThroughTheirSelfReference() {
        Vpc vpc = world.vpc(A, "10.0.0.0/16");
        Subnet client = world.subnet(vpc, "10.0.1.0/24");
        world.subnet(vpc, "10.0.2.0/24");

        Analysis analysis = world.analyze(Query.of(client.id(), "10.0.2.10", "udp", 53));

        assertThat(analysis.networkPathFound()).isTrue();
        assertThat(analysis.forwardPathComponents().get(5).securityGroupRule().referencedGroup().groupId())
                .isEqualTo(vpc.defaultSecurityGroupId());
    }

    @Test
    void securityGroupWithNoRulesIsSgHasNoRules() {
        Vpc vpc = world.vpc(A, "10.0.0.0/16");
        Subnet client = world.subnet(vpc, "10.0.1.0/24");
        world.subnet(vpc, "10.0.2.0/24");
        SecurityGroup empty = world.group(vpc, "empty");
        world.revokeDefaultEgress(empty);

        Analysis analysis = world.analyze(Query.of(client.id(), "10.0.2.10", "tcp", 443).withSourceGroups(empty.id()));

        assertThat(analysis.codes()).containsExactly(SG_HAS_NO_RULES);
        assertThat(analysis.explanations().get(0).direction()).isEqualTo("egress");
        assertThat(analysis.explanations().get(0).securityGroup().id()).isEqualTo(empty.id());
    }

    @Test
    void customNetworkAclDeniesEverythingWithRule32767() {
        TwoAccounts w = new TwoAccounts().routed().serving(443);
        NetworkAcl acl = world.customAcl(w.subnetA);

        Analysis analysis = world.analyze(w.toB(443));

        assertThat(analysis.codes()).containsExactly(SUBNET_ACL_RESTRICTION);
        Explanation why = analysis.explanations().get(0);
        assertThat(why.leg()).isEqualTo(Leg.FORWARD);
        assertThat(why.direction()).isEqualTo("egress");
        assertThat(why.acl().id()).isEqualTo(acl.id());
        assertThat(why.aclRule().ruleNumber()).isEqualTo(32767);
        assertThat(why.aclRule().ruleAction()).isEqualTo("deny");
        assertThat(why.portRanges()).containsExactly(PortRange.single(443));
    }

    @Test
    void networkAclAllowingTheServicePortButNotTheEphemeralRangeFailsOnTheReturnPath() {
        TwoAccounts w = new TwoAccounts().routed().serving(443);
        NetworkAcl acl = world.customAcl(w.subnetB);
        world.aclRule(acl, 100, false, "tcp", "allow", "10.0.0.0/16", 443, 443);
        world.aclRule(acl, 100, true, "tcp", "allow", "10.0.0.0/16", 443, 443);

        Analysis analysis = world.analyze(w.toB(443));

        assertThat(analysis.networkPathFound()).isFalse();
        assertThat(analysis.codes()).containsExactly(SUBNET_ACL_RESTRICTION);
        Explanation why = analysis.explanations().get(0);
        assertThat(why.leg()).isEqualTo(Leg.RETURN);
        assertThat(why.direction()).isEqualTo("egress");
        assertThat(why.aclRule().ruleNumber()).isEqualTo(32767);
        assertThat(why.portRanges()).containsExactly(new PortRange(1024, 65535));
        assertThat(analysis.forwardPathComponents()).last().extracting(c -> c.component().id())
                .isEqualTo(w.subnetB.id());
    }

    @Test
    void returnPathNamesTheRuleAndThePortsStillRefused() {
        TwoAccounts w = new TwoAccounts().routed().serving(443);
        NetworkAcl acl = world.customAcl(w.subnetB);
        world.aclRule(acl, 100, false, "tcp", "allow", "0.0.0.0/0", 443, 443);
        world.aclRule(acl, 100, true, "tcp", "allow", "10.0.0.0/16", 1024, 32767);
        world.aclRule(acl, 110, true, "tcp", "deny", "10.0.0.0/8", 40000, 50000);
        world.aclRule(acl, 120, true, "-1", "allow", "0.0.0.0/0", null, null);

        Analysis analysis = world.analyze(w.toB(443));

        Explanation why = analysis.explanation(SUBNET_ACL_RESTRICTION);
        assertThat(why.aclRule().ruleNumber()).isEqualTo(110);
        assertThat(why.portRanges()).containsExactly(new PortRange(40000, 50000));
        Analysis narrower = world.analyze(w.toB(443).withSourcePorts(new PortRange(1024, 32767)));
        assertThat(narrower.networkPathFound()).isTrue();
        assertThat(narrower.returnPathComponents().get(1).aclRule().ruleNumber()).isEqualTo(100);
    }

    @Test
    void networkAclFirstMatchWinsSoALowerNumberedDenyBeatsAHigherAllow() {
        TwoAccounts w = new TwoAccounts().routed().serving(443);
        NetworkAcl acl = world.customAcl(w.subnetB);
        world.aclRule(acl, 100, false, "tcp", "deny", "10.0.0.0/16", 443, 443);
        world.aclRule(acl, 200, false, "-1", "allow", "0.0.0.0/0", null, null);
        world.aclRule(acl, 100, true, "-1", "allow", "0.0.0.0/0", null, null);

        Analysis denied = world.analyze(w.toB(443));
        world.aclRule(acl, 90, false, "tcp", "allow", "10.0.1.0/24", 443, 443);
        Analysis allowed = world.analyze(w.toB(443));

        assertThat(denied.codes()).containsExactly(SUBNET_ACL_RESTRICTION);
        assertThat(denied.explanations().get(0).direction()).isEqualTo("ingress");
        assertThat(denied.explanations().get(0).aclRule().ruleNumber()).isEqualTo(100);
        assertThat(denied.explanations().get(0).aclRule().ruleAction()).isEqualTo("deny");
        assertThat(allowed.networkPathFound()).isTrue();
        assertThat(allowed.forwardPathComponents().get(5).aclRule().ruleNumber()).isEqualTo(90);
    }

    @Test
    void networkAclsAreNotEvaluatedWithinOneSubnet() {
        Vpc vpc = world.vpc(A, "10.0.0.0/16");
        Subnet subnet = world.subnet(vpc, "10.0.1.0/24");
        world.customAcl(subnet);

        Analysis analysis = world.analyze(Query.of(subnet.id(), "10.0.1.20", "tcp", 22));

        assertThat(analysis.networkPathFound()).isTrue();
        assertThat(types(analysis.forwardPathComponents())).doesNotContain("network-acl");
        assertThat(types(analysis.returnPathComponents())).containsExactly("subnet", "route-table", "subnet");
    }

    @Test
    void longestPrefixMatchChoosesTheMoreSpecificRoute() {
        Vpc hub = world.vpc(A, "10.0.0.0/16");
        Subnet hubSubnet = world.subnet(hub, "10.0.1.0/24");
        Vpc wide = world.vpc(B, "10.1.0.0/16");
        world.subnet(wide, "10.1.2.0/24");
        Vpc narrow = world.vpc(C, "10.1.1.0/24");
        world.subnet(narrow, "10.1.1.0/26");
        PeeringConnection toWide = world.peer(hub, wide);
        PeeringConnection toNarrow = world.peer(hub, narrow);
        world.route(hub, "10.1.0.0/16", toWide);
        world.route(hub, "10.1.1.0/24", toNarrow);
        world.route(wide, "10.0.0.0/16", toWide);
        world.route(narrow, "10.0.0.0/16", toNarrow);

        Analysis toNarrowVpc = world.analyze(Query.of(hubSubnet.id(), "10.1.1.10", "tcp", 22));
        Analysis toWideVpc = world.analyze(Query.of(hubSubnet.id(), "10.1.2.10", "tcp", 22));

        assertThat(routeUsed(toNarrowVpc).destinationCidr()).isEqualTo("10.1.1.0/24");
        assertThat(routeUsed(toNarrowVpc).vpcPeeringConnectionId()).isEqualTo(toNarrow.id());
        assertThat(routeUsed(toWideVpc).destinationCidr()).isEqualTo("10.1.0.0/16");
        assertThat(routeUsed(toWideVpc).vpcPeeringConnectionId()).isEqualTo(toWide.id());
    }

    @Test
    void replyFollowsTheRouteTableNotTheSenderWhenPeersOverlap() {
        Vpc hub = world.vpc(A, "10.0.0.0/16");
        world.subnet(hub, "10.0.1.0/24");
        Vpc wide = world.vpc(B, "10.1.0.0/16");
        Subnet shadowed = world.subnet(wide, "10.1.1.64/26");
        Vpc narrow = world.vpc(C, "10.1.1.0/24");
        PeeringConnection toWide = world.peer(hub, wide);
        PeeringConnection toNarrow = world.peer(hub, narrow);
        world.route(hub, "10.1.0.0/16", toWide);
        world.route(hub, "10.1.1.0/24", toNarrow);
        world.route(wide, "10.0.0.0/16", toWide);
        world.allowFromCidr(world.defaultGroup(hub), false, "tcp", 22, 22, "10.1.0.0/16");

        Analysis analysis = world.analyze(Query.of(shadowed.id(), "10.0.1.10", "tcp", 22));

        assertThat(analysis.codes()).containsExactly(NO_ROUTE_TO_DESTINATION);
        Explanation why = analysis.explanations().get(0);
        assertThat(why.leg()).isEqualTo(Leg.RETURN);
        assertThat(why.routeTableRoute().vpcPeeringConnectionId()).isEqualTo(toNarrow.id());
        assertThat(why.destinationVpc().id()).isEqualTo(narrow.id());
    }

    @Test
    void referenceToPeersSecurityGroupWorksWhileThePeeringIsActiveAndStopsAfterDelete() {
        TwoAccounts w = new TwoAccounts().routed();
        SecurityGroup app = world.group(w.vpcA, "app");
        SecurityGroup db = world.group(w.vpcB, "db");
        world.revokeDefaultEgress(app);
        world.allowFromGroup(app, true, "tcp", 5432, 5432, db);
        world.allowFromGroup(db, false, "tcp", 5432, 5432, app);
        Query query = Query.of(w.subnetA.id(), "10.1.1.10", "tcp", 5432).withSourceGroups(app.id())
                .withDestinationGroups(db.id());

        Analysis active = world.analyze(query);
        Analysis withoutTheGroup = world.analyze(query.withDestinationGroups(w.vpcB.defaultSecurityGroupId()));
        world.delete(w.pcx);
        Analysis deleted = world.analyze(query);

        assertThat(active.networkPathFound()).isTrue();
        assertThat(active.forwardPathComponents().get(2).securityGroupRule().referencedGroup().groupId())
                .isEqualTo(db.id());
        assertThat(active.forwardPathComponents().get(6).securityGroupRule().referencedGroup().groupId())
                .isEqualTo(app.id());
        assertThat(withoutTheGroup.codes()).containsExactly(ENI_SG_RULES_MISMATCH);
        assertThat(withoutTheGroup.explanations().get(0).direction()).isEqualTo("egress");
        assertThat(deleted.networkPathFound()).isFalse();
        assertThat(deleted.codes()).startsWith(ENI_SG_RULES_MISMATCH);
        assertThat(deleted.explanations().get(0).securityGroup().id()).isEqualTo(app.id());
    }

    @Test
    void unknownIdsAreExplainedAsNoSourceOrDestination() {
        TwoAccounts w = new TwoAccounts().routed().serving(443);

        Analysis unknownSource = world.analyze(Query.of("subnet-0123456789abcdef0", "10.1.1.10", "tcp", 443));
        Analysis unknownDestination = world.analyze(w.toB(443).withDestination("vpc-0123456789abcdef0"));
        Analysis unknownGroup = world.analyze(w.toB(443).withSourceGroups("sg-0123456789abcdef0"));
        Analysis addressNotThere = world.analyze(Query.of(w.subnetA.id(), "10.1.2.10", "tcp", 443)
                .withDestination(w.subnetB.id()));

        assertThat(List.of(unknownSource, unknownDestination, unknownGroup, addressNotThere))
                .allSatisfy(a -> {
                    assertThat(a.networkPathFound()).isFalse();
                    assertThat(a.codes()).containsExactly(NO_SOURCE_OR_DESTINATION);
                });
        assertThat(unknownSource.explanations().get(0).component().id()).isEqualTo("subnet-0123456789abcdef0");
        assertThat(unknownGroup.explanations().get(0).component().id()).isEqualTo("sg-0123456789abcdef0");
        assertThat(addressNotThere.explanations().get(0).address()).isEqualTo("10.1.2.10");
    }

    @Test
    void vpcSourceUsesTheSubnetHoldingTheSourceAddress() {
        TwoAccounts w = new TwoAccounts().routed().serving(443);

        Analysis analysis = world.analyze(Query.of(w.vpcA.id(), "10.1.1.10", "tcp", 443).withSourceIp("10.0.1.77"));

        assertThat(analysis.networkPathFound()).isTrue();
        assertThat(analysis.forwardPathComponents().get(0).component().id()).isEqualTo(w.subnetA.id());
    }

    @Test
    void sourceOfAnotherAccountIsNotVisibleToTheCaller() {
        TwoAccounts w = new TwoAccounts().routed().serving(443);

        Analysis asA = new ReachabilityAnalyzer().analyze(world.cloud, w.toB(443), World.T0, A);
        Analysis asB = new ReachabilityAnalyzer().analyze(world.cloud, w.toB(443), World.T0, B);

        assertThat(asA.networkPathFound()).isTrue();
        assertThat(asB.codes()).containsExactly(NO_SOURCE_OR_DESTINATION);
    }

    @Test
    void sourceAndDestinationInDifferentRegionsAreNotAnalysed() {
        Vpc east = world.vpc(A, "10.0.0.0/16");
        Subnet eastSubnet = world.subnet(east, "10.0.1.0/24");
        Vpc west = world.vpc(A_WEST, "10.1.0.0/16");
        Subnet westSubnet = world.subnet(west, "10.1.1.0/24");
        PeeringConnection interRegion = world.peer(east, west);
        world.route(east, "10.1.0.0/16", interRegion);
        Query query = Query.of(eastSubnet.id(), "10.1.1.10", "tcp", 443);

        Analysis named = world.analyze(query.withDestination(westSubnet.id()));
        Analysis routed = world.analyze(query);

        assertThat(named.status()).isEqualTo(Analysis.FAILED);
        assertThat(named.networkPathFound()).isFalse();
        assertThat(named.statusMessage()).contains("same Region", "us-east-1", "us-west-2");
        assertThat(routed.status()).isEqualTo(Analysis.FAILED);
        assertThat(routed.statusMessage()).contains(interRegion.id());
    }

    private static List<String> types(List<PathComponent> path) {
        return path.stream().map(c -> c.component().type()).toList();
    }

    private static AnalysisRoute routeUsed(Analysis analysis) {
        return analysis.forwardPathComponents().stream().filter(c -> c.routeTableRoute() != null).findFirst()
                .orElseThrow().routeTableRoute();
    }
}

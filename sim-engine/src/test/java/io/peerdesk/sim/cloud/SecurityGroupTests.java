package io.peerdesk.sim.cloud;

import static io.peerdesk.sim.cloud.Fixture.A;
import static io.peerdesk.sim.cloud.Fixture.ACCT_A;
import static io.peerdesk.sim.cloud.Fixture.ACCT_B;
import static io.peerdesk.sim.cloud.Fixture.A_WEST;
import static io.peerdesk.sim.cloud.Fixture.B;
import static io.peerdesk.sim.cloud.Fixture.T0;
import static io.peerdesk.sim.cloud.Fixture.minutes;
import static io.peerdesk.sim.cloud.Fixture.tcp;
import static io.peerdesk.sim.cloud.Fixture.tcpFromGroup;
import static io.peerdesk.sim.cloud.Fixture.tcpV6;
import static org.assertj.core.api.Assertions.assertThat;

import io.peerdesk.sim.net.Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecurityGroupTests {

    private static final boolean INGRESS = false;
    private static final boolean EGRESS = true;

    private Fixture f;
    private Cloud cloud;
    private SecurityGroups sgs;
    private Vpc a1;
    private Vpc b1;
    private SecurityGroup web;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        cloud = f.cloud;
        sgs = cloud.securityGroups();
        a1 = f.vpc(A, "10.1.0.0/16");
        b1 = f.vpc(B, "10.2.0.0/16");
        web = sgs.create(A, a1.id(), "web", "web servers", Map.of());
    }

    private List<SecurityGroupRule> authorize(SecurityGroup sg, boolean egress, SecurityGroups.Permission... p) {
        return sgs.authorize(Fixture.owner(cloud.vpc(sg.vpcId())), sg.id(), egress, List.of(p), T0);
    }

    private static SecurityGroups.Permission perm(String protocol, Integer from, Integer to, String cidr) {
        return new SecurityGroups.Permission(protocol, from, to, List.of(new SecurityGroups.CidrPeer(cidr, null)),
                List.of(), List.of(), List.of());
    }

    private static String[] cidrs(String prefix, int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = prefix + i + ".0/24";
        }
        return out;
    }

    private static String[] v6cidrs(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = "2001:db8:" + Integer.toHexString(i) + "::/48";
        }
        return out;
    }

    // ---- defaults ----

    @Test
    void newGroupHasNoIngressAndOneAllowAllEgressRule() {
        assertThat(web.rules(INGRESS)).isEmpty();
        assertThat(web.rules(EGRESS)).singleElement().satisfies(r -> {
            assertThat(r.protocol()).isEqualTo("-1");
            assertThat(r.cidr()).isEqualTo(Cidr.ALL_V4);
            assertThat(r.fromPort()).isNull();
            assertThat(r.ruleId()).startsWith("sgr-");
            assertThat(r.groupId()).isEqualTo(web.id());
        });
        assertThat(web.isDefault()).isFalse();
        assertThat(web.vpcId()).isEqualTo(a1.id());
        assertThat(web.arn()).isEqualTo("arn:aws:ec2:us-east-1:" + ACCT_A + ":security-group/" + web.id());
    }

    @Test
    void newGroupInAnIpv6VpcAlsoAllowsAllIpv6Egress() {
        Vpc v6 = f.vpcWithIpv6(A, "10.5.0.0/16");
        SecurityGroup sg = sgs.create(A, v6.id(), "web", "web", Map.of());
        assertThat(sg.rules(EGRESS)).extracting(SecurityGroupRule::cidr).containsExactly(Cidr.ALL_V4, Cidr.ALL_V6);
        assertThat(sg.rules(INGRESS)).isEmpty();
    }

    @Test
    void defaultGroupAdmitsItselfAndAllowsAllEgress() {
        SecurityGroup def = cloud.securityGroup(a1.defaultSecurityGroupId());
        assertThat(def.isDefault()).isTrue();
        assertThat(def.name()).isEqualTo("default");
        assertThat(def.rules(INGRESS)).singleElement().satisfies(r -> {
            assertThat(r.protocol()).isEqualTo("-1");
            assertThat(r.cidr()).isNull();
            assertThat(r.referencedGroup().groupId()).isEqualTo(def.id());
            assertThat(r.referencedGroup().userId()).isEqualTo(ACCT_A);
        });
        assertThat(def.rules(EGRESS)).singleElement().extracting(SecurityGroupRule::cidr).isEqualTo(Cidr.ALL_V4);
    }

    @Test
    void defaultNameIsReservedAndTheDefaultGroupCannotBeDeleted() {
        f.refused("InvalidGroup.Reserved", () -> sgs.create(A, a1.id(), "default", "mine", Map.of()));
        f.refused("CannotDelete", () -> sgs.delete(A, a1.defaultSecurityGroupId()));
    }

    @Test
    void groupNamesAreUniquePerVpc() {
        f.refused("InvalidGroup.Duplicate", () -> sgs.create(A, a1.id(), "web", "again", Map.of()));
        Vpc a2 = f.vpc(A, "10.3.0.0/16");
        sgs.create(A, a2.id(), "web", "other vpc", Map.of());
    }

    @Test
    void groupNeedsNameDescriptionAndVpc() {
        f.refused("MissingParameter", () -> sgs.create(A, a1.id(), null, "d", Map.of()));
        f.refused("MissingParameter", () -> sgs.create(A, a1.id(), "x", "", Map.of()));
        f.refused("VPCIdNotSpecified", () -> sgs.create(A, null, "x", "d", Map.of()));
        f.refused("InvalidParameterValue", () -> sgs.create(A, a1.id(), "sg-lookalike", "d", Map.of()));
        f.refused("InvalidVpcID.NotFound", () -> sgs.create(B, a1.id(), "x", "d", Map.of()));
    }

    // ---- authorize ----

    @Test
    void authorizeAddsOneRulePerPeer() {
        List<SecurityGroupRule> added = authorize(web, INGRESS, tcp(443, 443, "10.0.0.0/8", "192.168.0.0/16"));
        assertThat(added).hasSize(2).allSatisfy(r -> {
            assertThat(r.ruleId()).startsWith("sgr-");
            assertThat(r.protocol()).isEqualTo("tcp");
            assertThat(r.fromPort()).isEqualTo(443);
            assertThat(r.toPort()).isEqualTo(443);
            assertThat(r.egress()).isFalse();
        });
        assertThat(web.rules(INGRESS)).containsExactlyElementsOf(added);
    }

    @Test
    void authorizeCanonicalisesCidrsAndProtocols() {
        SecurityGroupRule r = authorize(web, INGRESS, perm("6", 22, 22, "10.1.2.3/16")).get(0);
        assertThat(r.cidr().toString()).isEqualTo("10.1.0.0/16");
        assertThat(r.protocol()).isEqualTo("tcp");
    }

    @Test
    void duplicateRuleIsRefusedAndNothingIsAdded() {
        authorize(web, INGRESS, tcp(22, 22, "10.0.0.0/16"));
        f.refused("InvalidPermission.Duplicate", () -> authorize(web, INGRESS, tcp(22, 22, "10.0.0.0/16")));
        // the non-canonical form of the same block is the same rule
        f.refused("InvalidPermission.Duplicate", () -> authorize(web, INGRESS, tcp(22, 22, "10.0.0.7/16")));
        // a new rule in the same request is not added either
        f.refused("InvalidPermission.Duplicate",
                () -> authorize(web, INGRESS, tcp(22, 22, "172.16.0.0/12", "10.0.3.3/16")));
        f.refused("InvalidPermission.Duplicate",
                () -> authorize(web, INGRESS, tcp(80, 80, "172.16.0.0/12"), tcp(22, 22, "10.0.0.0/16")));
        assertThat(web.rules(INGRESS)).hasSize(1);
    }

    @Test
    void duplicateIgnoresTheDescription() {
        authorize(web, INGRESS, tcp(22, 22, "10.0.0.0/16"));
        SecurityGroups.Permission described = new SecurityGroups.Permission("tcp", 22, 22,
                List.of(new SecurityGroups.CidrPeer("10.0.0.0/16", "ssh from office")), List.of(), List.of(), List.of());
        f.refused("InvalidPermission.Duplicate", () -> authorize(web, INGRESS, described));
    }

    @Test
    void duplicateWithinOneRequestIsRefused() {
        f.refused("InvalidPermission.Duplicate",
                () -> authorize(web, INGRESS, tcp(22, 22, "10.0.0.0/16", "10.0.1.1/16")));
        assertThat(web.rules(INGRESS)).isEmpty();
    }

    @Test
    void theDefaultEgressRuleIsADuplicateOfAllTrafficToEverywhere() {
        f.refused("InvalidPermission.Duplicate", () -> authorize(web, EGRESS, perm("-1", null, null, "0.0.0.0/0")));
    }

    @Test
    void sameRuleInTheOtherDirectionIsNotADuplicate() {
        authorize(web, INGRESS, tcp(22, 22, "10.0.0.0/16"));
        authorize(web, EGRESS, tcp(22, 22, "10.0.0.0/16"));
        assertThat(web.rules(EGRESS)).hasSize(2);
    }

    @Test
    void sixtyRulesPerDirectionAndFamily() {
        authorize(web, INGRESS, tcp(22, 22, cidrs("10.0.", 60)));
        f.refused("RulesPerSecurityGroupLimitExceeded", () -> authorize(web, INGRESS, tcp(22, 22, "10.9.0.0/16")));
        // IPv6 is counted separately
        authorize(web, INGRESS, tcpV6(22, 22, v6cidrs(60)));
        f.refused("RulesPerSecurityGroupLimitExceeded", () -> authorize(web, INGRESS, tcpV6(22, 22, "2001:db9::/32")));
        // egress is counted separately; it already holds the default rule
        authorize(web, EGRESS, tcp(22, 22, cidrs("10.0.", 59)));
        f.refused("RulesPerSecurityGroupLimitExceeded", () -> authorize(web, EGRESS, tcp(22, 22, "10.9.0.0/16")));
        assertThat(web.rules(INGRESS)).hasSize(120);
        assertThat(web.rules(EGRESS)).hasSize(60);
    }

    @Test
    void requestCrossingTheQuotaAddsNothing() {
        authorize(web, INGRESS, tcp(22, 22, cidrs("10.0.", 58)));
        f.refused("RulesPerSecurityGroupLimitExceeded",
                () -> authorize(web, INGRESS, tcp(22, 22, "10.9.0.0/16", "10.8.0.0/16", "10.7.0.0/16")));
        assertThat(web.rules(INGRESS)).hasSize(58);
        authorize(web, INGRESS, tcp(22, 22, "10.9.0.0/16", "10.8.0.0/16"));
    }

    @Test
    void portsAreValidated() {
        f.refused("InvalidParameterValue", () -> authorize(web, INGRESS, tcp(-1, -1, "10.0.0.0/8")));
        f.refused("InvalidParameterValue", () -> authorize(web, INGRESS, tcp(0, 65536, "10.0.0.0/8")));
        f.refused("InvalidParameterValue", () -> authorize(web, INGRESS, tcp(65536, 65536, "10.0.0.0/8")));
        f.refused("InvalidParameterValue", () -> authorize(web, INGRESS, tcp(443, 80, "10.0.0.0/8")));
        f.refused("InvalidParameterValue", () -> authorize(web, INGRESS, perm("udp", 10, 9, "10.0.0.0/8")));
        f.refused("InvalidPermission.Malformed", () -> authorize(web, INGRESS, perm("tcp", null, null, "10.0.0.0/8")));
        f.refused("InvalidParameterValue", () -> authorize(web, INGRESS, perm("icmp", 256, -1, "10.0.0.0/8")));
        f.refused("InvalidParameterValue", () -> authorize(web, INGRESS, perm("bogus", 1, 2, "10.0.0.0/8")));
        f.refused("InvalidParameterValue", () -> authorize(web, INGRESS, perm("tcp", 1, 2, "10.0.0.0/33")));
        // the extremes are fine
        authorize(web, INGRESS, tcp(0, 65535, "10.0.0.0/8"));
        authorize(web, INGRESS, perm("icmp", -1, -1, "10.0.0.0/8"));
        SecurityGroupRule all = authorize(web, INGRESS, perm("-1", 5, 6, "10.0.0.0/8")).get(0);
        assertThat(all.fromPort()).as("ports are ignored for all protocols").isNull();
    }

    @Test
    void permissionWithoutAnyPeerIsMalformed() {
        f.refused("InvalidPermission.Malformed", () -> authorize(web, INGRESS,
                new SecurityGroups.Permission("tcp", 22, 22, List.of(), List.of(), List.of(), List.of())));
        f.refused("MissingParameter", () -> sgs.authorize(A, web.id(), INGRESS, List.of(), T0));
    }

    @Test
    void groupsOfAnotherAccountOrRegionAreNotFound() {
        f.refused("InvalidGroup.NotFound",
                () -> sgs.authorize(B, web.id(), INGRESS, List.of(tcp(22, 22, "10.0.0.0/8")), T0));
        f.refused("InvalidGroup.NotFound",
                () -> sgs.authorize(A_WEST, web.id(), INGRESS, List.of(tcp(22, 22, "10.0.0.0/8")), T0));
        f.refused("InvalidGroup.NotFound", () -> sgs.delete(B, web.id()));
        f.refused("InvalidGroupId.Malformed", () -> sgs.delete(A, "web"));
    }

    // ---- revoke ----

    @Test
    void revokeRemovesTheMatchingRuleGivenInAnyForm() {
        authorize(web, INGRESS, tcp(22, 22, "10.0.0.0/16", "10.5.0.0/16"));
        sgs.revoke(A, web.id(), INGRESS, List.of(tcp(22, 22, "10.0.9.9/16")), List.of(), T0);
        assertThat(web.rules(INGRESS)).extracting(r -> r.cidr().toString()).containsExactly("10.5.0.0/16");
    }

    @Test
    void revokeOfAMissingRuleIsNotFoundAndRevokesNothing() {
        authorize(web, INGRESS, tcp(22, 22, "10.0.0.0/16", "10.5.0.0/16"));
        f.refused("InvalidPermission.NotFound",
                () -> sgs.revoke(A, web.id(), INGRESS, List.of(tcp(80, 80, "10.0.0.0/16")), List.of(), T0));
        // one rule exists, one does not: neither is revoked
        f.refused("InvalidPermission.NotFound", () -> sgs.revoke(A, web.id(), INGRESS,
                List.of(tcp(22, 22, "10.0.0.0/16", "10.6.0.0/16")), List.of(), T0));
        f.refused("InvalidPermission.NotFound", () -> sgs.revoke(A, web.id(), INGRESS,
                List.of(tcp(22, 22, "10.0.0.0/16"), tcp(22, 23, "10.5.0.0/16")), List.of(), T0));
        // right rule, wrong direction
        f.refused("InvalidPermission.NotFound",
                () -> sgs.revoke(A, web.id(), EGRESS, List.of(tcp(22, 22, "10.0.0.0/16")), List.of(), T0));
        assertThat(web.rules(INGRESS)).hasSize(2);
    }

    @Test
    void revokeByRuleId() {
        SecurityGroupRule r = authorize(web, INGRESS, tcp(22, 22, "10.0.0.0/16")).get(0);
        String egressId = web.rules(EGRESS).get(0).ruleId();
        f.refused("InvalidSecurityGroupRuleId.NotFound",
                () -> sgs.revoke(A, web.id(), INGRESS, List.of(), List.of(r.ruleId(), "sgr-0000000000000000"), T0));
        f.refused("InvalidSecurityGroupRuleId.NotFound",
                () -> sgs.revoke(A, web.id(), INGRESS, List.of(), List.of(egressId), T0));
        sgs.revoke(A, web.id(), INGRESS, List.of(), List.of(r.ruleId()), T0);
        assertThat(web.rules(INGRESS)).isEmpty();
        f.refused("MissingParameter", () -> sgs.revoke(A, web.id(), INGRESS, List.of(), List.of(), T0));
    }

    @Test
    void theDefaultEgressRuleCanBeRevoked() {
        sgs.revoke(A, web.id(), EGRESS, List.of(perm("-1", null, null, "0.0.0.0/0")), List.of(), T0);
        assertThat(web.rules(EGRESS)).isEmpty();
    }

    // ---- group references ----

    @Test
    void groupInTheSameVpcCanBeReferenced() {
        SecurityGroup app = sgs.create(A, a1.id(), "app", "app", Map.of());
        SecurityGroupRule r = authorize(app, INGRESS, tcpFromGroup(8080, 8080, web.id(), null)).get(0);
        assertThat(r.referencedGroup().groupId()).isEqualTo(web.id());
        assertThat(r.referencedGroup().userId()).isEqualTo(ACCT_A);
        assertThat(r.referencedGroup().vpcPeeringConnectionId()).isNull();
        assertThat(sgs.referenceUsable(app, r.referencedGroup(), T0)).isTrue();
        f.refused("InvalidPermission.Duplicate", () -> authorize(app, INGRESS, tcpFromGroup(8080, 8080, web.id(), null)));
    }

    @Test
    void groupInAnotherVpcNeedsAnActivePeering() {
        Vpc a2 = f.vpc(A, "10.3.0.0/16");
        SecurityGroup other = sgs.create(A, a2.id(), "other", "other", Map.of());
        f.refused("InvalidGroup.NotFound", () -> authorize(web, INGRESS, tcpFromGroup(22, 22, other.id(), null)));
        PeeringConnection p = f.request(A, a1, a2, T0);
        f.refused("InvalidGroup.NotFound", () -> authorize(web, INGRESS, tcpFromGroup(22, 22, other.id(), null)));
        cloud.peerings().accept(A, p.id(), T0);
        SecurityGroupRule r = authorize(web, INGRESS, tcpFromGroup(22, 22, other.id(), null)).get(0);
        assertThat(r.referencedGroup().vpcId()).isEqualTo(a2.id());
        assertThat(r.referencedGroup().vpcPeeringConnectionId()).isEqualTo(p.id());
    }

    @Test
    void crossAccountPeerGroupIsReferencedWithItsUserId() {
        SecurityGroup peerGroup = sgs.create(B, b1.id(), "db", "db", Map.of());
        f.peer(a1, b1, T0);
        // without UserId the caller's account is assumed, where the group does not exist
        f.refused("InvalidGroup.NotFound", () -> authorize(web, INGRESS, tcpFromGroup(5432, 5432, peerGroup.id(), null)));
        f.refused("InvalidGroup.NotFound",
                () -> authorize(web, INGRESS, tcpFromGroup(5432, 5432, peerGroup.id(), Fixture.ACCT_C)));
        SecurityGroupRule r = authorize(web, INGRESS, tcpFromGroup(5432, 5432, peerGroup.id(), ACCT_B)).get(0);
        assertThat(r.referencedGroup().userId()).isEqualTo(ACCT_B);
        assertThat(r.referencedGroup().groupId()).isEqualTo(peerGroup.id());
        assertThat(r.referencedGroup().vpcId()).isEqualTo(b1.id());
    }

    @Test
    void crossAccountPeerGroupCanBeNamedAsAccountSlashGroup() {
        SecurityGroup peerGroup = sgs.create(B, b1.id(), "db", "db", Map.of());
        f.peer(a1, b1, T0);
        SecurityGroupRule r = authorize(web, INGRESS,
                tcpFromGroup(5432, 5432, ACCT_B + "/" + peerGroup.id(), null)).get(0);
        assertThat(r.referencedGroup().groupId()).isEqualTo(peerGroup.id());
        assertThat(r.referencedGroup().userId()).isEqualTo(ACCT_B);
    }

    @Test
    void peerGroupCannotBeReferencedBeforeTheRequestIsAccepted() {
        SecurityGroup peerGroup = sgs.create(B, b1.id(), "db", "db", Map.of());
        f.request(A, a1, b1, T0);
        f.refused("InvalidGroup.NotFound", () -> authorize(web, INGRESS, tcpFromGroup(22, 22, peerGroup.id(), ACCT_B)));
    }

    @Test
    void interRegionPeerGroupCannotBeReferenced() {
        Vpc west = f.vpc(A_WEST, "10.9.0.0/16");
        SecurityGroup westGroup = sgs.create(A_WEST, west.id(), "w", "w", Map.of());
        f.peer(a1, west, T0);
        f.refused("InvalidGroup.NotFound", () -> authorize(web, INGRESS, tcpFromGroup(22, 22, westGroup.id(), null)));
        f.refused("InvalidGroup.NotFound",
                () -> authorize(web, INGRESS, tcpFromGroup(22, 22, westGroup.id(), ACCT_A)));
    }

    @Test
    void referenceBecomesStaleWhenThePeeringIsDeletedAndNotWhenPeeredAgain() {
        SecurityGroup peerGroup = sgs.create(B, b1.id(), "db", "db", Map.of());
        PeeringConnection p = f.peer(a1, b1, T0);
        SecurityGroupRule r = authorize(web, INGRESS, tcpFromGroup(5432, 5432, peerGroup.id(), ACCT_B)).get(0);
        assertThat(sgs.staleRules(web, T0)).isEmpty();

        cloud.peerings().delete(B, p.id(), minutes(1));
        assertThat(sgs.staleRules(web, minutes(1))).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo(r);
            assertThat(s.peeringStatus()).isEqualTo("deleted");
        });
        assertThat(web.rules(INGRESS)).as("stale rules are not removed").containsExactly(r);
        assertThat(sgs.referenceUsable(web, r.referencedGroup(), minutes(1))).isFalse();

        PeeringConnection again = f.peer(a1, b1, minutes(2));
        assertThat(again.id()).isNotEqualTo(p.id());
        assertThat(sgs.staleRules(web, minutes(2))).isEmpty();
        assertThat(sgs.referenceUsable(web, r.referencedGroup(), minutes(2))).isTrue();
    }

    @Test
    void referenceBecomesStaleWhenThePeerDeletesTheGroup() {
        SecurityGroup peerGroup = sgs.create(B, b1.id(), "db", "db", Map.of());
        f.peer(a1, b1, T0);
        authorize(web, INGRESS, tcpFromGroup(5432, 5432, peerGroup.id(), ACCT_B));
        // a reference from another VPC does not stop the peer from deleting its group
        sgs.delete(B, peerGroup.id());
        assertThat(sgs.staleRules(web, T0)).hasSize(1);
        assertThat(web.rules(INGRESS)).hasSize(1);
    }

    @Test
    void staleRuleCanStillBeRevoked() {
        SecurityGroup peerGroup = sgs.create(B, b1.id(), "db", "db", Map.of());
        PeeringConnection p = f.peer(a1, b1, T0);
        authorize(web, INGRESS, tcpFromGroup(5432, 5432, peerGroup.id(), ACCT_B));
        cloud.peerings().delete(A, p.id(), minutes(1));
        sgs.revoke(A, web.id(), INGRESS, List.of(tcpFromGroup(5432, 5432, peerGroup.id(), ACCT_B)), List.of(),
                minutes(1));
        assertThat(web.rules(INGRESS)).isEmpty();
    }

    @Test
    void ruleAuthorizedAsAccountSlashGroupCanBeRevokedTheSameWay() {
        SecurityGroup peerGroup = sgs.create(B, b1.id(), "db", "db", Map.of());
        f.peer(a1, b1, T0);
        String named = ACCT_B + "/" + peerGroup.id();
        authorize(web, INGRESS, tcpFromGroup(5432, 5432, named, null));
        f.refused("InvalidPermission.Duplicate", () -> authorize(web, INGRESS, tcpFromGroup(5432, 5432, named, null)));
        sgs.revoke(A, web.id(), INGRESS, List.of(tcpFromGroup(5432, 5432, named, null)), List.of(), T0);
        assertThat(web.rules(INGRESS)).isEmpty();
    }

    @Test
    void referencedGroupInTheSameVpcCannotBeDeleted() {
        SecurityGroup app = sgs.create(A, a1.id(), "app", "app", Map.of());
        authorize(app, INGRESS, tcpFromGroup(8080, 8080, web.id(), null));
        f.refused("DependencyViolation", () -> sgs.delete(A, web.id()));
        sgs.revoke(A, app.id(), INGRESS, List.of(tcpFromGroup(8080, 8080, web.id(), null)), List.of(), T0);
        sgs.delete(A, web.id());
        assertThat(cloud.securityGroup(web.id())).isNull();
        assertThat(a1.securityGroupIds()).doesNotContain(web.id());
    }

    @Test
    void groupReferencedOnlyByItselfCanBeDeleted() {
        authorize(web, INGRESS, tcpFromGroup(1, 65535, web.id(), null));
        sgs.delete(A, web.id());
        assertThat(cloud.securityGroup(web.id())).isNull();
    }

    @Test
    void ruleAdmitsTrafficByProtocolAndPort() {
        SecurityGroupRule ssh = authorize(web, INGRESS, tcp(22, 22, "10.0.0.0/8")).get(0);
        assertThat(ssh.admits("tcp", 22)).isTrue();
        assertThat(ssh.admits("6", 22)).isTrue();
        assertThat(ssh.admits("tcp", 23)).isFalse();
        assertThat(ssh.admits("udp", 22)).isFalse();
        SecurityGroupRule all = web.rules(EGRESS).get(0);
        assertThat(all.admits("udp", 53)).isTrue();
    }

    @Test
    void manyPermissionsAreAllOrNothing() {
        List<SecurityGroups.Permission> ps = new ArrayList<>();
        ps.add(tcp(22, 22, "10.0.0.0/8"));
        ps.add(tcp(80, 70, "10.0.0.0/8"));
        f.refused("InvalidParameterValue", () -> sgs.authorize(A, web.id(), INGRESS, ps, T0));
        assertThat(web.rules(INGRESS)).isEmpty();
    }
}

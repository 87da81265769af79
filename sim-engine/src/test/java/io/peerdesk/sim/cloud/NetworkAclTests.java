package io.peerdesk.sim.cloud;

import static io.peerdesk.sim.cloud.Fixture.A;
import static io.peerdesk.sim.cloud.Fixture.B;
import static org.assertj.core.api.Assertions.assertThat;

import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.IpAddress;
import io.peerdesk.sim.net.PortRange;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetworkAclTests {

    private static final boolean INGRESS = false;
    private static final boolean EGRESS = true;

    private Fixture f;
    private Cloud cloud;
    private NetworkAcls acls;
    private Vpc a1;
    private NetworkAcl defaultAcl;
    private NetworkAcl custom;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        cloud = f.cloud;
        acls = cloud.networkAcls();
        a1 = f.vpc(A, "10.1.0.0/16");
        defaultAcl = cloud.networkAcl(a1.defaultNetworkAclId());
        custom = acls.create(A, a1.id(), Map.of());
    }

    private static NetworkAcls.EntrySpec tcp(int number, boolean egress, String action, String cidr, int from,
                                             int to) {
        return new NetworkAcls.EntrySpec(number, "tcp", action, egress, cidr, null, from, to, null, null);
    }

    private static NetworkAcls.EntrySpec all(int number, boolean egress, String action, String cidr) {
        return new NetworkAcls.EntrySpec(number, "-1", action, egress, cidr, null, null, null, null, null);
    }

    private static NetworkAcls.EntrySpec allV6(int number, boolean egress, String action, String cidr) {
        return new NetworkAcls.EntrySpec(number, "-1", action, egress, null, cidr, null, null, null, null);
    }

    /** The first entry, in rule-number order, that matches: what AWS applies. */
    private static NetworkAclEntry decide(NetworkAcl acl, boolean egress, String address, String protocol, int port) {
        IpAddress ip = IpAddress.parse(address);
        for (NetworkAclEntry e : acl.entries(egress)) {
            if (e.matches(ip, protocol, port)) {
                return e;
            }
        }
        return null;
    }

    private static String summary(NetworkAclEntry e) {
        return e.ruleNumber() + " " + e.ruleAction() + " " + e.protocol() + " " + e.cidr();
    }

    // ---- defaults ----

    @Test
    void defaultAclAllowsAllThenDeniesInBothDirections() {
        assertThat(defaultAcl.isDefault()).isTrue();
        for (boolean egress : new boolean[] {INGRESS, EGRESS}) {
            assertThat(defaultAcl.entries(egress)).extracting(NetworkAclTests::summary)
                    .containsExactly("100 allow -1 0.0.0.0/0", "32767 deny -1 0.0.0.0/0");
            assertThat(defaultAcl.entries(egress)).allMatch(e -> e.egress() == egress);
            assertThat(defaultAcl.entries(egress).get(1).isDefaultDeny()).isTrue();
        }
        assertThat(summary(decide(defaultAcl, INGRESS, "8.8.8.8", "6", 22))).startsWith("100 allow");
    }

    @Test
    void defaultAclOfAnIpv6VpcAlsoAllowsAllIpv6() {
        Vpc v6 = f.vpcWithIpv6(A, "10.5.0.0/16");
        NetworkAcl acl = cloud.networkAcl(v6.defaultNetworkAclId());
        for (boolean egress : new boolean[] {INGRESS, EGRESS}) {
            assertThat(acl.entries(egress)).extracting(NetworkAclTests::summary).containsExactly(
                    "100 allow -1 0.0.0.0/0", "101 allow -1 ::/0", "32767 deny -1 0.0.0.0/0", "32768 deny -1 ::/0");
        }
    }

    @Test
    void associatingAnIpv6BlockAddsIpv6DefaultsToEveryAcl() {
        cloud.vpcs().associateCidrBlock(A, a1.id(), null, true, Fixture.T0);
        assertThat(defaultAcl.entries(INGRESS)).extracting(NetworkAclTests::summary).containsExactly(
                "100 allow -1 0.0.0.0/0", "101 allow -1 ::/0", "32767 deny -1 0.0.0.0/0", "32768 deny -1 ::/0");
        assertThat(custom.entries(EGRESS)).extracting(NetworkAclTests::summary)
                .containsExactly("32767 deny -1 0.0.0.0/0", "32768 deny -1 ::/0");
    }

    @Test
    void customAclDeniesEverything() {
        assertThat(custom.isDefault()).isFalse();
        assertThat(custom.vpcId()).isEqualTo(a1.id());
        for (boolean egress : new boolean[] {INGRESS, EGRESS}) {
            assertThat(custom.entries(egress)).extracting(NetworkAclTests::summary)
                    .containsExactly("32767 deny -1 0.0.0.0/0");
            assertThat(decide(custom, egress, "10.1.0.5", "6", 443).allow()).isFalse();
        }
    }

    @Test
    void newSubnetUsesTheDefaultAcl() {
        Subnet s = f.subnet(A, a1, "10.1.1.0/24");
        assertThat(cloud.networkAclOf(s)).isSameAs(defaultAcl);
        assertThat(defaultAcl.associations()).singleElement().satisfies(a -> {
            assertThat(a.subnetId()).isEqualTo(s.id());
            assertThat(a.associationId()).startsWith("aclassoc-");
        });
    }

    // ---- entries ----

    @Test
    void ruleNumbersRunFrom1To32766() {
        for (int bad : new int[] {0, -1, 32767, 32768, 40000}) {
            f.refused("InvalidParameterValue", () -> acls.createEntry(A, custom.id(), all(bad, INGRESS, "allow", "10.0.0.0/8")));
        }
        f.refused("MissingParameter", () -> acls.createEntry(A, custom.id(),
                new NetworkAcls.EntrySpec(null, "-1", "allow", INGRESS, "10.0.0.0/8", null, null, null, null, null)));
        acls.createEntry(A, custom.id(), all(1, INGRESS, "allow", "10.0.0.0/8"));
        acls.createEntry(A, custom.id(), all(32766, INGRESS, "allow", "10.0.0.0/8"));
        assertThat(custom.entries(INGRESS)).extracting(NetworkAclEntry::ruleNumber).containsExactly(1, 32766, 32767);
    }

    @Test
    void duplicateRuleNumberInTheSameDirectionIsRefused() {
        acls.createEntry(A, custom.id(), all(100, INGRESS, "allow", "10.0.0.0/8"));
        f.refused("NetworkAclEntryAlreadyExists",
                () -> acls.createEntry(A, custom.id(), all(100, INGRESS, "deny", "192.168.0.0/16")));
        f.refused("NetworkAclEntryAlreadyExists",
                () -> acls.createEntry(A, defaultAcl.id(), all(100, INGRESS, "deny", "192.168.0.0/16")));
        // the other direction has its own numbers
        acls.createEntry(A, custom.id(), all(100, EGRESS, "allow", "10.0.0.0/8"));
    }

    @Test
    void twentyRulesPerDirectionIncludingTheDefaultDeny() {
        for (int i = 1; i <= 19; i++) {
            acls.createEntry(A, custom.id(), all(i, INGRESS, "allow", "10." + i + ".0.0/16"));
        }
        assertThat(custom.entries(INGRESS)).hasSize(20);
        f.refused("NetworkAclEntryLimitExceeded",
                () -> acls.createEntry(A, custom.id(), all(20, INGRESS, "allow", "10.20.0.0/16")));
        // egress is counted separately
        acls.createEntry(A, custom.id(), all(20, EGRESS, "allow", "10.20.0.0/16"));
        // replacing an entry does not add one
        acls.replaceEntry(A, custom.id(), all(5, INGRESS, "deny", "10.5.0.0/16"));
        // deleting one makes room
        acls.deleteEntry(A, custom.id(), 5, INGRESS);
        acls.createEntry(A, custom.id(), all(20, INGRESS, "allow", "10.20.0.0/16"));
    }

    @Test
    void defaultAclHasRoomForEighteenMoreRules() {
        for (int i = 1; i <= 18; i++) {
            acls.createEntry(A, defaultAcl.id(), all(i, EGRESS, "allow", "10." + i + ".0.0/16"));
        }
        f.refused("NetworkAclEntryLimitExceeded",
                () -> acls.createEntry(A, defaultAcl.id(), all(19, EGRESS, "allow", "10.19.0.0/16")));
    }

    @Test
    void ipv6RulesAreCountedSeparately() {
        for (int i = 1; i <= 19; i++) {
            acls.createEntry(A, custom.id(), all(i, INGRESS, "allow", "10." + i + ".0.0/16"));
        }
        for (int i = 100; i < 120; i++) {
            acls.createEntry(A, custom.id(), allV6(i, INGRESS, "allow", "2001:db8:" + i + "::/48"));
        }
        f.refused("NetworkAclEntryLimitExceeded",
                () -> acls.createEntry(A, custom.id(), allV6(200, INGRESS, "allow", "2001:db9::/48")));
    }

    @Test
    void defaultDenyCannotBeDeletedOrReplaced() {
        f.refused("InvalidParameterValue", () -> acls.deleteEntry(A, custom.id(), 32767, INGRESS));
        f.refused("InvalidParameterValue", () -> acls.replaceEntry(A, custom.id(), all(32767, INGRESS, "allow", "0.0.0.0/0")));
    }

    @Test
    void replaceOrDeleteOfAMissingEntryIsNotFound() {
        f.refused("InvalidNetworkAclEntry.NotFound",
                () -> acls.replaceEntry(A, custom.id(), all(100, INGRESS, "allow", "10.0.0.0/8")));
        f.refused("InvalidNetworkAclEntry.NotFound", () -> acls.deleteEntry(A, custom.id(), 100, INGRESS));
        acls.createEntry(A, custom.id(), all(100, INGRESS, "allow", "10.0.0.0/8"));
        f.refused("InvalidNetworkAclEntry.NotFound", () -> acls.deleteEntry(A, custom.id(), 100, EGRESS));
    }

    @Test
    void entriesAreValidated() {
        f.refused("InvalidParameterValue", () -> acls.createEntry(A, custom.id(), all(10, INGRESS, "maybe", "10.0.0.0/8")));
        f.refused("InvalidParameterValue", () -> acls.createEntry(A, custom.id(), tcp(10, INGRESS, "allow", "10.0.0.0/8", 80, 22)));
        f.refused("InvalidParameterValue", () -> acls.createEntry(A, custom.id(), tcp(10, INGRESS, "allow", "10.0.0.0/8", 0, 65536)));
        f.refused("InvalidParameterValue", () -> acls.createEntry(A, custom.id(), tcp(10, INGRESS, "allow", "10.0.0.0/8", -1, 5)));
        f.refused("InvalidParameterValue", () -> acls.createEntry(A, custom.id(), all(10, INGRESS, "allow", "10.0.0.0/40")));
        f.refused("MissingParameter", () -> acls.createEntry(A, custom.id(),
                new NetworkAcls.EntrySpec(10, "tcp", "allow", INGRESS, "10.0.0.0/8", null, null, null, null, null)));
        f.refused("MissingParameter", () -> acls.createEntry(A, custom.id(),
                new NetworkAcls.EntrySpec(10, "-1", "allow", null, "10.0.0.0/8", null, null, null, null, null)));
        f.refused("InvalidParameterCombination", () -> acls.createEntry(A, custom.id(),
                new NetworkAcls.EntrySpec(10, "-1", "allow", INGRESS, "10.0.0.0/8", "::/0", null, null, null, null)));
    }

    @Test
    void entryCidrAndProtocolAreCanonicalised() {
        NetworkAclEntry e = acls.createEntry(A, custom.id(), tcp(10, INGRESS, "ALLOW", "10.1.2.3/8", 22, 22));
        assertThat(e.cidr()).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(e.protocol()).isEqualTo("6");
        assertThat(e.allow()).isTrue();
        assertThat(e.portRange()).isEqualTo(PortRange.single(22));
    }

    // ---- evaluation ----

    @Test
    void firstMatchingRuleByNumberWins() {
        // inserted out of order on purpose
        acls.createEntry(A, custom.id(), all(200, INGRESS, "allow", "0.0.0.0/0"));
        acls.createEntry(A, custom.id(), tcp(100, INGRESS, "deny", "10.0.0.0/8", 22, 22));
        acls.createEntry(A, custom.id(), tcp(50, INGRESS, "allow", "10.9.9.9/32", 22, 22));

        assertThat(custom.entries(INGRESS)).extracting(NetworkAclEntry::ruleNumber).containsExactly(50, 100, 200, 32767);
        assertThat(summary(decide(custom, INGRESS, "10.9.9.9", "6", 22))).isEqualTo("50 allow 6 10.9.9.9/32");
        assertThat(summary(decide(custom, INGRESS, "10.2.3.4", "6", 22))).isEqualTo("100 deny 6 10.0.0.0/8");
        assertThat(summary(decide(custom, INGRESS, "10.2.3.4", "6", 80))).isEqualTo("200 allow -1 0.0.0.0/0");
        assertThat(summary(decide(custom, INGRESS, "10.2.3.4", "17", 22))).isEqualTo("200 allow -1 0.0.0.0/0");
        assertThat(summary(decide(custom, INGRESS, "192.168.1.1", "6", 22))).isEqualTo("200 allow -1 0.0.0.0/0");
        // nothing was added for egress: the default deny decides
        assertThat(summary(decide(custom, EGRESS, "10.2.3.4", "6", 22))).isEqualTo("32767 deny -1 0.0.0.0/0");
    }

    @Test
    void lowerNumberedDenyBeatsHigherNumberedAllowWhateverTheOrderOfCreation() {
        acls.createEntry(A, defaultAcl.id(), tcp(90, INGRESS, "deny", "0.0.0.0/0", 3389, 3389));
        assertThat(decide(defaultAcl, INGRESS, "8.8.8.8", "6", 3389).allow()).isFalse();
        assertThat(decide(defaultAcl, INGRESS, "8.8.8.8", "6", 3390).allow()).isTrue();
    }

    @Test
    void replaceEntryChangesTheDecision() {
        acls.createEntry(A, custom.id(), all(100, INGRESS, "allow", "0.0.0.0/0"));
        acls.replaceEntry(A, custom.id(), all(100, INGRESS, "deny", "0.0.0.0/0"));
        assertThat(custom.entries(INGRESS)).hasSize(2);
        assertThat(decide(custom, INGRESS, "1.2.3.4", "6", 1).ruleAction()).isEqualTo("deny");
    }

    @Test
    void matchesAnyLooksForAnyPortOfARange() {
        NetworkAclEntry e = acls.createEntry(A, custom.id(), tcp(100, EGRESS, "allow", "0.0.0.0/0", 1024, 65535));
        assertThat(e.matchesAny(IpAddress.parse("1.2.3.4"), "6", PortRange.EPHEMERAL)).isTrue();
        assertThat(e.matchesAny(IpAddress.parse("1.2.3.4"), "6", new PortRange(0, 1023))).isFalse();
        assertThat(e.matchesAny(IpAddress.parse("::1"), "6", PortRange.EPHEMERAL)).isFalse();
    }

    // ---- associations ----

    @Test
    void replaceAssociationMovesTheSubnet() {
        Subnet s = f.subnet(A, a1, "10.1.1.0/24");
        Subnet other = f.subnet(A, a1, "10.1.2.0/24");
        String oldAssociation = defaultAcl.association(s.id()).associationId();
        NetworkAcl.Association moved = acls.replaceAssociation(A, oldAssociation, custom.id());
        assertThat(moved.associationId()).startsWith("aclassoc-").isNotEqualTo(oldAssociation);
        assertThat(moved.subnetId()).isEqualTo(s.id());
        assertThat(cloud.networkAclOf(s)).isSameAs(custom);
        assertThat(cloud.networkAclOf(other)).isSameAs(defaultAcl);
        assertThat(custom.associations()).containsExactly(moved);
        assertThat(defaultAcl.associations()).extracting(NetworkAcl.Association::subnetId).containsExactly(other.id());
        // the old association id is gone
        f.refused("InvalidAssociationID.NotFound", () -> acls.replaceAssociation(A, oldAssociation, defaultAcl.id()));
        // and back again
        acls.replaceAssociation(A, moved.associationId(), defaultAcl.id());
        assertThat(cloud.networkAclOf(s)).isSameAs(defaultAcl);
        assertThat(custom.associations()).isEmpty();
    }

    @Test
    void subnetCannotMoveToAnAclOfAnotherVpc() {
        Subnet s = f.subnet(A, a1, "10.1.1.0/24");
        Vpc a2 = f.vpc(A, "10.2.0.0/16");
        String association = defaultAcl.association(s.id()).associationId();
        f.refused("InvalidParameterValue",
                () -> acls.replaceAssociation(A, association, a2.defaultNetworkAclId()));
    }

    @Test
    void aclsAreDeletedOnlyWhenCustomAndUnassociated() {
        f.refused("InvalidParameterValue", () -> acls.delete(A, defaultAcl.id()));
        Subnet s = f.subnet(A, a1, "10.1.1.0/24");
        NetworkAcl.Association moved = acls.replaceAssociation(A, defaultAcl.association(s.id()).associationId(),
                custom.id());
        f.refused("DependencyViolation", () -> acls.delete(A, custom.id()));
        acls.replaceAssociation(A, moved.associationId(), defaultAcl.id());
        acls.delete(A, custom.id());
        assertThat(cloud.networkAcl(custom.id())).isNull();
        assertThat(a1.networkAclIds()).containsExactly(defaultAcl.id());
    }

    @Test
    void deletingASubnetReleasesItsAclAssociation() {
        Subnet s = f.subnet(A, a1, "10.1.1.0/24");
        acls.replaceAssociation(A, defaultAcl.association(s.id()).associationId(), custom.id());
        cloud.vpcs().deleteSubnet(A, s.id());
        assertThat(custom.associations()).isEmpty();
        acls.delete(A, custom.id());
    }

    @Test
    void twoHundredAclsPerVpcIncludingTheDefaultOne() {
        for (int i = 0; i < 198; i++) {
            acls.create(A, a1.id(), Map.of());
        }
        assertThat(a1.networkAclIds()).hasSize(200);
        f.refused("NetworkAclLimitExceeded", () -> acls.create(A, a1.id(), Map.of()));
    }

    @Test
    void aclsOfAnotherAccountAreNotFound() {
        f.refused("InvalidNetworkAclID.NotFound",
                () -> acls.createEntry(B, custom.id(), all(10, INGRESS, "allow", "10.0.0.0/8")));
        f.refused("InvalidNetworkAclID.NotFound", () -> acls.delete(B, custom.id()));
        f.refused("InvalidVpcID.NotFound", () -> acls.create(B, a1.id(), Map.of()));
    }

    @Test
    void entriesListIngressFirstThenEgressEachInNumberOrder() {
        acls.createEntry(A, custom.id(), all(7, EGRESS, "allow", "10.0.0.0/8"));
        acls.createEntry(A, custom.id(), all(3, INGRESS, "allow", "10.0.0.0/8"));
        List<NetworkAclEntry> all = custom.entries();
        assertThat(all).extracting(e -> (e.egress() ? "out" : "in") + e.ruleNumber())
                .containsExactly("in3", "in32767", "out7", "out32767");
    }
}

package io.peerdesk.sim.cloud;

import static io.peerdesk.sim.cloud.Fixture.A;
import static io.peerdesk.sim.cloud.Fixture.ACCT_A;
import static io.peerdesk.sim.cloud.Fixture.ACCT_B;
import static io.peerdesk.sim.cloud.Fixture.A_WEST;
import static io.peerdesk.sim.cloud.Fixture.B;
import static io.peerdesk.sim.cloud.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.IpAddress;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VpcAndSubnetTests {

    private Fixture f;
    private Cloud cloud;
    private Vpcs vpcs;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        cloud = f.cloud;
        vpcs = cloud.vpcs();
    }

    private static Map<String, String> tags(int n, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(prefix + i, "v" + i);
        }
        return out;
    }

    // ---- CreateVpc ----

    @Test
    void createVpcBuildsItsDefaultResources() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        assertThat(v.id()).matches("vpc-[0-9a-f]{17}");
        assertThat(v.ownerId()).isEqualTo(ACCT_A);
        assertThat(v.region()).isEqualTo("us-east-1");
        assertThat(v.primaryCidr()).isEqualTo(Cidr.parse("10.1.0.0/16"));
        assertThat(v.ipv4Blocks()).singleElement().satisfies(b -> assertThat(b.associationId()).startsWith("vpc-cidr-assoc-"));
        assertThat(v.ipv6Blocks()).isEmpty();
        assertThat(v.instanceTenancy()).isEqualTo("default");
        assertThat(v.enableDnsSupport()).isTrue();
        assertThat(v.enableDnsHostnames()).isFalse();
        assertThat(cloud.routeTable(v.mainRouteTableId())).isNotNull();
        assertThat(cloud.networkAcl(v.defaultNetworkAclId()).isDefault()).isTrue();
        assertThat(cloud.securityGroup(v.defaultSecurityGroupId()).isDefault()).isTrue();
        assertThat(v.routeTableIds()).containsExactly(v.mainRouteTableId());
        assertThat(v.networkAclIds()).containsExactly(v.defaultNetworkAclId());
        assertThat(v.securityGroupIds()).containsExactly(v.defaultSecurityGroupId());
    }

    @Test
    void createVpcCanonicalisesTheBlock() {
        assertThat(f.vpc(A, "10.5.3.7/16").primaryCidr().toString()).isEqualTo("10.5.0.0/16");
        assertThat(f.vpc(A, "100.68.0.18/18").primaryCidr().toString()).isEqualTo("100.68.0.0/18");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/15", "10.0.0.0/8", "0.0.0.0/0", "10.0.0.0/29", "10.0.0.0/32"})
    void vpcBlockMustBeSlash16ToSlash28(String cidr) {
        f.refused("InvalidVpc.Range", () -> f.vpc(A, cidr));
    }

    @Test
    void vpcBlockBoundsAreInclusive() {
        assertThat(f.vpc(A, "10.0.0.0/16").primaryCidr().prefix()).isEqualTo(16);
        assertThat(f.vpc(A, "10.1.0.0/28").primaryCidr().prefix()).isEqualTo(28);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "010.0.0.0/16", "banana", "10.0.0.0.0/16", "2001:db8::/56"})
    void malformedOrIpv6VpcBlockIsAnInvalidParameterValue(String cidr) {
        f.refused("InvalidParameterValue", () -> f.vpc(A, cidr));
    }

    @Test
    void missingVpcBlockIsAMissingParameter() {
        f.refused("MissingParameter", () -> vpcs.createVpc(A, null, false, null, Map.of()));
    }

    @Test
    void tenancyIsValidated() {
        f.refused("InvalidParameterValue", () -> vpcs.createVpc(A, "10.0.0.0/16", false, "host", Map.of()));
        assertThat(vpcs.createVpc(A, "10.0.0.0/16", false, "dedicated", Map.of()).instanceTenancy())
                .isEqualTo("dedicated");
    }

    @Test
    void amazonIpv6BlockIsASlash56() {
        Vpc v = f.vpcWithIpv6(A, "10.1.0.0/16");
        assertThat(v.ipv6Blocks()).singleElement().satisfies(b -> {
            assertThat(b.cidr().v6()).isTrue();
            assertThat(b.cidr().prefix()).isEqualTo(56);
        });
        assertThat(v.allCidrs()).hasSize(2);
        assertThat(v.contains(v.ipv6Blocks().get(0).cidr().first().plus(5))).isTrue();
    }

    // ---- secondary blocks ----

    @Test
    void secondaryBlocksMustNotOverlapAndAreLimitedToFive() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        f.refused("InvalidVpc.Range", () -> vpcs.associateCidrBlock(A, v.id(), "10.1.128.0/17", false, T0));
        f.refused("InvalidVpc.Range", () -> vpcs.associateCidrBlock(A, v.id(), "10.0.0.0/15", false, T0));
        f.refused("InvalidVpc.Range", () -> vpcs.associateCidrBlock(A, v.id(), "10.9.0.0/29", false, T0));
        for (int i = 2; i <= 5; i++) {
            vpcs.associateCidrBlock(A, v.id(), "10." + i + ".0.0/16", false, T0);
        }
        assertThat(v.ipv4Blocks()).hasSize(5);
        f.refused("CidrLimitExceeded", () -> vpcs.associateCidrBlock(A, v.id(), "10.6.0.0/16", false, T0));
        assertThat(v.contains(IpAddress.parse("10.5.1.1"))).isTrue();
        assertThat(v.primaryCidr()).isEqualTo(Cidr.parse("10.1.0.0/16"));
    }

    @Test
    void onlyOneAmazonIpv6Block() {
        Vpc v = f.vpcWithIpv6(A, "10.1.0.0/16");
        f.refused("CidrLimitExceeded", () -> vpcs.associateCidrBlock(A, v.id(), null, true, T0));
    }

    @Test
    void secondaryBlockMayNotOverlapALivePeer() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        Vpc peer = f.vpc(B, "10.2.0.0/16");
        PeeringConnection p = f.request(A, v, peer, T0);
        f.refused("InvalidVpc.Range", () -> vpcs.associateCidrBlock(A, v.id(), "10.2.5.0/24", false, T0));
        // the peer is held to the same rule
        f.refused("InvalidVpc.Range", () -> vpcs.associateCidrBlock(B, peer.id(), "10.1.0.0/24", false, T0));
        cloud.peerings().delete(A, p.id(), T0);
        vpcs.associateCidrBlock(A, v.id(), "10.2.5.0/24", false, T0);
    }

    // ---- subnets ----

    @Test
    void subnetLiesInsideTheVpc() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        Subnet s = f.subnet(A, v, "10.1.1.0/24");
        assertThat(s.vpcId()).isEqualTo(v.id());
        assertThat(s.cidr()).isEqualTo(Cidr.parse("10.1.1.0/24"));
        assertThat(s.availabilityZone()).startsWith("us-east-1");
        assertThat(v.subnetIds()).containsExactly(s.id());
        Vpc w = f.vpc(A, "10.2.0.0/16");
        assertThat(f.subnet(A, w, "10.2.0.0/16").cidr()).as("a subnet may span the whole block")
                .isEqualTo(Cidr.parse("10.2.0.0/16"));
    }

    @Test
    void subnetOutsideTheVpcIsInvalidSubnetRange() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        f.refused("InvalidSubnet.Range", () -> f.subnet(A, v, "10.2.0.0/24"));
        f.refused("InvalidSubnet.Range", () -> f.subnet(A, v, "10.0.0.0/15"));
        f.refused("InvalidSubnet.Range", () -> f.subnet(A, v, "10.1.0.0/29"));
    }

    @Test
    void subnetMustFitInOneBlock() {
        Vpc v = f.vpc(A, "10.0.0.0/16");
        vpcs.associateCidrBlock(A, v.id(), "10.1.0.0/16", false, T0);
        f.subnet(A, v, "10.1.5.0/24");
        f.refused("InvalidSubnet.Range", () -> f.subnet(A, v, "10.0.0.0/15"));
    }

    @Test
    void subnetCidrIsCanonicalised() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        assertThat(f.subnet(A, v, "10.1.1.77/24").cidr().toString()).isEqualTo("10.1.1.0/24");
    }

    @Test
    void overlappingSubnetsConflict() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        f.subnet(A, v, "10.1.1.0/24");
        f.refused("InvalidSubnet.Conflict", () -> f.subnet(A, v, "10.1.1.0/24"));
        f.refused("InvalidSubnet.Conflict", () -> f.subnet(A, v, "10.1.1.128/25"));
        f.refused("InvalidSubnet.Conflict", () -> f.subnet(A, v, "10.1.0.0/20"));
        f.subnet(A, v, "10.1.2.0/24");
    }

    @Test
    void ipv6SubnetIsASlash64InsideTheVpcIpv6Block() {
        Vpc v = f.vpcWithIpv6(A, "10.1.0.0/16");
        Cidr block = v.ipv6Blocks().get(0).cidr();
        String first64 = new Cidr(block.network(), 64).toString();
        Subnet s = vpcs.createSubnet(A, v.id(), "10.1.1.0/24", first64, null, Map.of());
        assertThat(s.ipv6Cidr().toString()).isEqualTo(first64);
        assertThat(s.ipv6AssociationId()).startsWith("subnet-cidr-assoc-");
        f.refused("InvalidSubnet.Conflict", () -> vpcs.createSubnet(A, v.id(), "10.1.2.0/24", first64, null, Map.of()));
        f.refused("InvalidSubnet.Range",
                () -> vpcs.createSubnet(A, v.id(), "10.1.2.0/24", new Cidr(block.network(), 60).toString(), null, Map.of()));
        f.refused("InvalidSubnet.Range",
                () -> vpcs.createSubnet(A, v.id(), "10.1.2.0/24", "2001:db8::/64", null, Map.of()));
    }

    @Test
    void fiveAddressesOfEverySubnetAreReserved() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        Subnet s24 = f.subnet(A, v, "10.1.1.0/24");
        Subnet s28 = f.subnet(A, v, "10.1.2.0/28");
        assertThat(s24.availableIpAddressCount()).isEqualTo(256 - 5);
        assertThat(s28.availableIpAddressCount()).isEqualTo(16 - 5);
        assertThat(s24.firstUsableAddress()).isEqualTo(IpAddress.parse("10.1.1.4"));
        for (String reserved : List.of("10.1.1.0", "10.1.1.1", "10.1.1.2", "10.1.1.3", "10.1.1.255")) {
            assertThat(s24.isReserved(IpAddress.parse(reserved))).as(reserved).isTrue();
        }
        for (String usable : List.of("10.1.1.4", "10.1.1.254")) {
            assertThat(s24.isReserved(IpAddress.parse(usable))).as(usable).isFalse();
        }
        assertThat(s24.isReserved(IpAddress.parse("10.1.2.0"))).as("outside the subnet").isFalse();
    }

    @Test
    void availabilityZoneIsValidated() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        assertThat(vpcs.createSubnet(A, v.id(), "10.1.1.0/24", null, "us-east-1b", Map.of()).availabilityZone())
                .isEqualTo("us-east-1b");
        assertThat(vpcs.createSubnet(A, v.id(), "10.1.2.0/24", null, "use1-az3", Map.of()).availabilityZone())
                .isEqualTo("us-east-1c");
        f.refused("InvalidParameterValue", () -> vpcs.createSubnet(A, v.id(), "10.1.3.0/24", null, "us-west-2a", Map.of()));
    }

    // ---- DeleteVpc ----

    @Test
    void deleteVpcRemovesItAndItsDefaultResources() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        String rtb = v.mainRouteTableId();
        String acl = v.defaultNetworkAclId();
        String sg = v.defaultSecurityGroupId();
        vpcs.deleteVpc(A, v.id(), T0);
        assertThat(cloud.vpc(v.id())).isNull();
        assertThat(cloud.routeTable(rtb)).isNull();
        assertThat(cloud.networkAcl(acl)).isNull();
        assertThat(cloud.securityGroup(sg)).isNull();
        assertThat(cloud.allVpcs()).isEmpty();
        assertThat(cloud.allRouteTables()).isEmpty();
        assertThat(cloud.allNetworkAcls()).isEmpty();
        assertThat(cloud.allSecurityGroups()).isEmpty();
        f.refused("InvalidVpcID.NotFound", () -> vpcs.deleteVpc(A, v.id(), T0));
    }

    @Test
    void deleteVpcWithASubnetIsADependencyViolation() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        Subnet s = f.subnet(A, v, "10.1.1.0/24");
        f.refused("DependencyViolation", () -> vpcs.deleteVpc(A, v.id(), T0));
        vpcs.deleteSubnet(A, s.id());
        vpcs.deleteVpc(A, v.id(), T0);
    }

    @Test
    void deleteVpcWithACustomRouteTableAclOrGroupIsADependencyViolation() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        RouteTable rt = cloud.routing().createRouteTable(A, v.id(), Map.of());
        f.refused("DependencyViolation", () -> vpcs.deleteVpc(A, v.id(), T0));
        cloud.routing().deleteRouteTable(A, rt.id());

        NetworkAcl acl = cloud.networkAcls().create(A, v.id(), Map.of());
        f.refused("DependencyViolation", () -> vpcs.deleteVpc(A, v.id(), T0));
        cloud.networkAcls().delete(A, acl.id());

        SecurityGroup sg = cloud.securityGroups().create(A, v.id(), "web", "web", Map.of());
        f.refused("DependencyViolation", () -> vpcs.deleteVpc(A, v.id(), T0));
        cloud.securityGroups().delete(A, sg.id());

        vpcs.deleteVpc(A, v.id(), T0);
    }

    @Test
    void deleteVpcWithAnAttachedInternetGatewayIsADependencyViolation() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        InternetGateway igw = vpcs.createInternetGateway(A, Map.of());
        vpcs.attachInternetGateway(A, igw.id(), v.id());
        f.refused("DependencyViolation", () -> vpcs.deleteVpc(A, v.id(), T0));
        f.refused("DependencyViolation", () -> vpcs.deleteInternetGateway(A, igw.id()));
        vpcs.detachInternetGateway(A, igw.id(), v.id());
        vpcs.deleteVpc(A, v.id(), T0);
    }

    @Test
    void internetGatewayAttachesToOneVpcAndAVpcHasOneGateway() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        Vpc w = f.vpc(A, "10.2.0.0/16");
        InternetGateway g1 = vpcs.createInternetGateway(A, Map.of());
        InternetGateway g2 = vpcs.createInternetGateway(A, Map.of());
        vpcs.attachInternetGateway(A, g1.id(), v.id());
        f.refused("Resource.AlreadyAssociated", () -> vpcs.attachInternetGateway(A, g1.id(), w.id()));
        f.refused("Resource.AlreadyAssociated", () -> vpcs.attachInternetGateway(A, g2.id(), v.id()));
        f.refused("Gateway.NotAttached", () -> vpcs.detachInternetGateway(A, g2.id(), v.id()));
    }

    @Test
    void modifyAttributeTakesExactlyOneAttribute() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        f.refused("InvalidParameterValue", () -> vpcs.modifyAttribute(A, v.id(), true, true));
        f.refused("InvalidParameterValue", () -> vpcs.modifyAttribute(A, v.id(), null, null));
        vpcs.modifyAttribute(A, v.id(), null, true);
        assertThat(v.enableDnsHostnames()).isTrue();
        vpcs.modifyAttribute(A, v.id(), false, null);
        assertThat(v.enableDnsSupport()).isFalse();
    }

    // ---- ownership ----

    @Test
    void resourcesOfAnotherAccountOrRegionAreNotFound() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        Subnet s = f.subnet(A, v, "10.1.1.0/24");
        for (Caller other : List.of(B, A_WEST)) {
            f.refused("InvalidVpcID.NotFound", () -> cloud.requireVpc(other, v.id()));
            f.refused("InvalidVpcID.NotFound", () -> f.subnet(other, v, "10.1.2.0/24"));
            f.refused("InvalidVpcID.NotFound", () -> vpcs.deleteVpc(other, v.id(), T0));
            f.refused("InvalidVpcID.NotFound", () -> vpcs.modifyAttribute(other, v.id(), null, true));
            f.refused("InvalidVpcID.NotFound", () -> vpcs.associateCidrBlock(other, v.id(), "10.2.0.0/16", false, T0));
            f.refused("InvalidSubnetID.NotFound", () -> vpcs.deleteSubnet(other, s.id()));
            f.refused("InvalidRouteTableID.NotFound", () -> cloud.requireRouteTable(other, v.mainRouteTableId()));
            f.refused("InvalidNetworkAclID.NotFound", () -> cloud.requireNetworkAcl(other, v.defaultNetworkAclId()));
            f.refused("InvalidGroup.NotFound", () -> cloud.requireSecurityGroup(other, v.defaultSecurityGroupId()));
            assertThat(cloud.visible(cloud.allVpcs(), other)).isEmpty();
        }
        assertThat(cloud.visible(cloud.allVpcs(), A)).containsExactly(v);
    }

    @Test
    void unknownIdsAreNotFoundAndMissingOnesAreMissing() {
        f.refused("InvalidVpcID.NotFound", () -> cloud.requireVpc(A, "vpc-0000000000000000"));
        f.refused("MissingParameter", () -> cloud.requireVpc(A, null));
        f.refused("MissingParameter", () -> cloud.requireSubnet(A, ""));
    }

    // ---- tags ----

    @Test
    void fiftyTagsPerResource() {
        Vpc v = vpcs.createVpc(A, "10.1.0.0/16", false, null, tags(50, "k"));
        assertThat(v.tags().asMap()).hasSize(50);
        f.refused("TagLimitExceeded", () -> cloud.tagging().create(A, List.of(v.id()), Map.of("one-more", "x"), T0));
        // overwriting existing keys adds nothing
        cloud.tagging().create(A, List.of(v.id()), Map.of("k0", "new"), T0);
        assertThat(v.tags().get("k0")).isEqualTo("new");
        f.refused("TagLimitExceeded", () -> vpcs.createVpc(A, "10.2.0.0/16", false, null, tags(51, "k")));
    }

    @Test
    void taggingSeveralResourcesIsAllOrNothing() {
        Vpc full = vpcs.createVpc(A, "10.1.0.0/16", false, null, tags(50, "k"));
        Vpc empty = f.vpc(A, "10.2.0.0/16");
        f.refused("TagLimitExceeded",
                () -> cloud.tagging().create(A, List.of(empty.id(), full.id()), Map.of("new", "x"), T0));
        assertThat(empty.tags().isEmpty()).isTrue();
        f.refused("InvalidVpcID.NotFound",
                () -> cloud.tagging().create(A, List.of(empty.id(), "vpc-0000000000000000"), Map.of("new", "x"), T0));
    }

    @Test
    void refusedTaggingOfAPeeringAndAFullVpcChangesNothing() {
        Vpc full = vpcs.createVpc(A, "10.1.0.0/16", false, null, tags(50, "k"));
        Vpc w = f.vpc(B, "10.2.0.0/16");
        PeeringConnection p = f.request(A, full, w, T0);
        f.refused("TagLimitExceeded",
                () -> cloud.tagging().create(B, List.of(p.id()), tags(51, "b"), T0));
        f.refused("TagLimitExceeded",
                () -> cloud.tagging().create(A, List.of(p.id(), full.id()), Map.of("new", "x"), T0));
        Vpc fullB = vpcs.createVpc(B, "10.3.0.0/16", false, null, tags(50, "k"));
        f.refused("TagLimitExceeded",
                () -> cloud.tagging().create(B, List.of(p.id(), fullB.id()), Map.of("new", "x"), T0));
        assertThat(p.tagsSeenBy(ACCT_B)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:cloudformation:stack-name", "AWS:x", "aws:"})
    void awsPrefixIsReserved(String key) {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        f.refused("InvalidParameterValue", () -> cloud.tagging().create(A, List.of(v.id()), Map.of(key, "x"), T0));
        f.refused("InvalidParameterValue", () -> vpcs.createVpc(A, "10.2.0.0/16", false, null, Map.of(key, "x")));
        f.refused("InvalidParameterValue", () -> cloud.securityGroups().create(A, v.id(), "g", "g", Map.of(key, "x")));
    }

    @Test
    void tagKeysAndValuesAreLimitedInLength() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        f.refused("InvalidParameterValue", () -> cloud.tagging().create(A, List.of(v.id()), Map.of("k".repeat(129), "x"), T0));
        f.refused("InvalidParameterValue", () -> cloud.tagging().create(A, List.of(v.id()), Map.of("k", "v".repeat(257)), T0));
        f.refused("InvalidParameterValue", () -> cloud.tagging().create(A, List.of(v.id()), Map.of("", "x"), T0));
        cloud.tagging().create(A, List.of(v.id()), Map.of("k".repeat(128), "v".repeat(256)), T0);
        cloud.tagging().create(A, List.of(v.id()), Map.of("awsome", "ok"), T0);
    }

    @Test
    void deleteTagsByKeyOrByKeyAndValue() {
        Vpc v = vpcs.createVpc(A, "10.1.0.0/16", false, null, Map.of("a", "1", "b", "2", "c", "3"));
        Map<String, String> keys = new HashMap<>();
        keys.put("a", null);
        keys.put("b", "not-2");
        cloud.tagging().delete(A, List.of(v.id()), keys, T0);
        assertThat(v.tags().asMap()).containsOnlyKeys("b", "c");
        cloud.tagging().delete(A, List.of(v.id()), Map.of(), T0);
        assertThat(v.tags().isEmpty()).isTrue();
    }

    @Test
    void peeringTagsApplyOnlyInTheTaggingAccount() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        Vpc w = f.vpc(B, "10.2.0.0/16");
        PeeringConnection p = f.request(A, v, w, T0);
        cloud.tagging().create(B, List.of(p.id()), Map.of("Name", "from-b"), T0);
        cloud.tagging().create(A, List.of(p.id()), Map.of("Name", "from-a"), T0);
        assertThat(cloud.tagging().tagsOf(A, p.id(), T0).get("Name")).isEqualTo("from-a");
        assertThat(cloud.tagging().tagsOf(B, p.id(), T0).get("Name")).isEqualTo("from-b");
        assertThat(p.tagsOf(ACCT_B).asMap()).hasSize(1);
        assertThat(p.tagsSeenBy(ACCT_B)).containsExactly(Map.entry("Name", "from-b"));
        assertThat(p.tagsSeenBy(Fixture.A)).containsExactly(Map.entry("Name", "from-a"));
        assertThat(p.tagsSeenBy(Fixture.ACCT_C)).isEmpty();
        f.refused("InvalidVpcPeeringConnectionID.NotFound",
                () -> cloud.tagging().create(Fixture.C, List.of(p.id()), Map.of("x", "y"), T0));
    }

    @Test
    void sameAccountInterRegionPeeringTagsApplyOnlyInTheTaggingRegion() {
        Vpc east = f.vpc(A, "10.1.0.0/16");
        Vpc west = f.vpc(A_WEST, "10.2.0.0/16");
        PeeringConnection p = cloud.peerings().create(A, east.id(), west.id(), null, "us-west-2",
                Map.of("Name", "east-name"), T0);
        assertThat(cloud.tagging().tagsOf(A, p.id(), T0).get("Name")).isEqualTo("east-name");
        assertThat(cloud.tagging().tagsOf(A_WEST, p.id(), T0).isEmpty()).isTrue();
        cloud.tagging().create(A_WEST, List.of(p.id()), Map.of("Name", "west-name"), T0);
        assertThat(cloud.tagging().tagsOf(A, p.id(), T0).get("Name")).isEqualTo("east-name");
        assertThat(cloud.tagging().tagsOf(A_WEST, p.id(), T0).get("Name")).isEqualTo("west-name");
        assertThat(p.tagsOf(A).get("Name")).isEqualTo("east-name");
        assertThat(p.tagsOf(A_WEST).get("Name")).isEqualTo("west-name");
        assertThat(p.tagsSeenBy(A_WEST)).containsExactly(Map.entry("Name", "west-name"));
        assertThat(p.tagsSeenBy(ACCT_A)).as("by account alone: the requester side")
                .containsExactly(Map.entry("Name", "east-name"));
        assertThat(p.tags().get("Name")).as("the resource's own tags are the requester's").isEqualTo("east-name");
    }

    @Test
    void tagsOfAnotherAccountsResourceCannotBeTouched() {
        Vpc v = f.vpc(A, "10.1.0.0/16");
        f.refused("InvalidVpcID.NotFound", () -> cloud.tagging().create(B, List.of(v.id()), Map.of("x", "y"), T0));
        f.refused("InvalidID", () -> cloud.tagging().create(A, List.of("nonsense"), Map.of("x", "y"), T0));
    }
}

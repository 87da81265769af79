package io.peerdesk.sim;

import io.peerdesk.sim.http.Authenticator;
import io.peerdesk.sim.http.Ec2HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteState;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionStateReasonCode;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The EC2 actions of the issue that the other SDK tests do not already drive, each through the
 * real AWS SDK for Java v2 {@link Ec2Client} over HTTP: what the SDK parses out of the replies, the
 * AWS error codes it surfaces, DryRun's 412, filters and pagination on Describe calls.
 */
class Ec2SdkActionsTests {

    static final String ACME = "111111111111";
    static final String GLOBEX = "222222222222";

    static Simulator sim;
    static Ec2HttpServer server;
    static Ec2Client acme;
    static Ec2Client globex;
    static Ec2Client acmeEu;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.open(Simulator.Options.inMemory());
        server = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", 0), sim, Authenticator.open());
        acme = Ec2Clients.client(server.port(), ACME, "us-east-1");
        globex = Ec2Clients.client(server.port(), GLOBEX, "us-east-1");
        acmeEu = Ec2Clients.client(server.port(), ACME, "eu-west-1");
    }

    @AfterAll
    static void stop() throws Exception {
        acme.close();
        globex.close();
        acmeEu.close();
        server.close();
        sim.close();
    }

    /** The AWS error the SDK raised: its HTTP status and code. */
    static Ec2Exception refused(Executable call) {
        Ec2Exception e = catchThrowableOfType(() -> {
            try {
                call.execute();
            } catch (Throwable t) {
                throw t instanceof Exception ex ? ex : new RuntimeException(t);
            }
        }, Ec2Exception.class);
        assertThat(e).as("the call must be refused with an EC2 error").isNotNull();
        return e;
    }

    static String code(Executable call) {
        Ec2Exception e = refused(call);
        assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(400);
        return e.awsErrorDetails().errorCode();
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    static String vpc(Ec2Client ec2, String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }

    @Test
    void vpcCidrBlocksSubnetsFiltersPagesAndDeletes() {
        String vpcId = vpc(acme, "10.40.0.0/16");
        VpcCidrBlockAssociation secondary = acme.associateVpcCidrBlock(r -> r.vpcId(vpcId).cidrBlock("10.41.0.5/16"))
                .cidrBlockAssociation();
        assertThat(secondary.cidrBlock()).isEqualTo("10.41.0.0/16");
        assertThat(secondary.associationId()).startsWith("vpc-cidr-assoc-");
        assertThat(acme.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0).cidrBlockAssociationSet())
                .extracting(VpcCidrBlockAssociation::cidrBlock).containsExactly("10.40.0.0/16", "10.41.0.0/16");
        assertThat(code(() -> acme.associateVpcCidrBlock(r -> r.vpcId(vpcId).cidrBlock("10.40.128.0/17"))))
                .isEqualTo("InvalidVpc.Range");

        String inSecondary = acme.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.41.1.0/24")
                .availabilityZone("us-east-1b")).subnet().subnetId();
        for (int i = 0; i < 6; i++) {
            int third = i;
            acme.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.40." + third + ".0/24"));
        }
        assertThat(code(() -> acme.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.40.0.128/25"))))
                .isEqualTo("InvalidSubnet.Conflict");
        assertThat(code(() -> acme.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.42.0.0/24"))))
                .isEqualTo("InvalidSubnet.Range");

        Subnet described = acme.describeSubnets(r -> r.subnetIds(inSecondary)).subnets().get(0);
        assertThat(described.availabilityZone()).isEqualTo("us-east-1b");
        assertThat(described.availableIpAddressCount()).isEqualTo(251);
        // filters: AND across, OR within one filter's values
        assertThat(acme.describeSubnets(r -> r.filters(filter("vpc-id", vpcId),
                        filter("cidr-block", "10.40.1.0/24", "10.41.1.0/24", "10.99.0.0/24"))).subnets())
                .extracting(Subnet::cidrBlock).containsExactly("10.41.1.0/24", "10.40.1.0/24");
        assertThat(acme.describeSubnets(r -> r.filters(filter("vpc-id", vpcId), filter("availability-zone", "us-east-1b"),
                filter("cidr-block", "10.41.*"))).subnets()).extracting(Subnet::subnetId).containsExactly(inSecondary);
        assertThat(acme.describeSubnets(r -> r.filters(filter("vpc-id", vpcId), filter("availability-zone", "us-east-1b"),
                filter("cidr-block", "10.99.*"))).subnets()).isEmpty();

        // pages of 5 in creation order, then the rest
        DescribeSubnetsResponse first = acme.describeSubnets(r -> r.filters(filter("vpc-id", vpcId)).maxResults(5));
        assertThat(first.subnets()).hasSize(5);
        assertThat(first.subnets().get(0).subnetId()).isEqualTo(inSecondary);
        assertThat(first.nextToken()).isNotBlank();
        DescribeSubnetsResponse second = acme.describeSubnets(r -> r.filters(filter("vpc-id", vpcId)).maxResults(5)
                .nextToken(first.nextToken()));
        assertThat(second.subnets()).hasSize(2);
        assertThat(second.nextToken()).isNull();
        assertThat(acme.describeSubnetsPaginator(r -> r.filters(filter("vpc-id", vpcId)).maxResults(5)).subnets()
                .stream().map(Subnet::subnetId).distinct().count()).isEqualTo(7);
        assertThat(code(() -> acme.describeSubnets(r -> r.maxResults(4)))).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> acme.describeSubnets(r -> r.nextToken("not-a-token"))))
                .isEqualTo("InvalidPaginationToken");
        assertThat(code(() -> acme.describeSubnets(r -> r.filters(filter("no-such-filter", "x")))))
                .isEqualTo("InvalidParameterValue");
        // another account sees none of them
        assertThat(globex.describeSubnets(r -> r.filters(filter("vpc-id", vpcId))).subnets()).isEmpty();
        assertThat(code(() -> globex.describeSubnets(r -> r.subnetIds(inSecondary))))
                .isEqualTo("InvalidSubnetID.NotFound");

        assertThat(code(() -> acme.deleteVpc(r -> r.vpcId(vpcId)))).isEqualTo("DependencyViolation");
        for (Subnet s : acme.describeSubnets(r -> r.filters(filter("vpc-id", vpcId))).subnets()) {
            acme.deleteSubnet(r -> r.subnetId(s.subnetId()));
        }
        assertThat(code(() -> acme.deleteSubnet(r -> r.subnetId(inSecondary)))).isEqualTo("InvalidSubnetID.NotFound");
        acme.deleteVpc(r -> r.vpcId(vpcId));
        assertThat(code(() -> acme.describeVpcs(r -> r.vpcIds(vpcId)))).isEqualTo("InvalidVpcID.NotFound");
    }

    @Test
    void routeTablesAssociationsAndRoutesReplacedAndDeleted() {
        String vpcId = vpc(acme, "10.50.0.0/16");
        String peerVpc = vpc(globex, "10.51.0.0/16");
        String subnetId = acme.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.50.1.0/24")).subnet().subnetId();
        String rtb = acme.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        String association = acme.associateRouteTable(r -> r.routeTableId(rtb).subnetId(subnetId)).associationId();
        assertThat(acme.describeRouteTables(r -> r.filters(filter("association.subnet-id", subnetId))).routeTables())
                .singleElement().satisfies(t -> assertThat(t.routeTableId()).isEqualTo(rtb));

        String igw = acme.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        acme.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        acme.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        assertThat(code(() -> acme.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igw)))).isEqualTo("RouteAlreadyExists");

        // a pending peering: the replaced route is a blackhole until it is active
        String pcx = acme.createVpcPeeringConnection(r -> r.vpcId(vpcId).peerVpcId(peerVpc).peerOwnerId(GLOBEX))
                .vpcPeeringConnection().vpcPeeringConnectionId();
        acme.replaceRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").vpcPeeringConnectionId(pcx));
        Route replaced = route(rtb, "0.0.0.0/0");
        assertThat(replaced.vpcPeeringConnectionId()).isEqualTo(pcx);
        assertThat(replaced.gatewayId()).isNull();
        assertThat(replaced.state()).isEqualTo(RouteState.BLACKHOLE);
        acme.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("10.51.0.0/16").vpcPeeringConnectionId(pcx));
        globex.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx));
        assertThat(route(rtb, "10.51.0.0/16").state()).isEqualTo(RouteState.ACTIVE);
        assertThat(acme.describeRouteTables(r -> r.filters(filter("route.vpc-peering-connection-id", pcx),
                filter("route.state", "active"))).routeTables()).hasSize(1);
        assertThat(code(() -> acme.replaceRoute(r -> r.routeTableId(rtb).destinationCidrBlock("10.99.0.0/16")
                .gatewayId(igw)))).isEqualTo("InvalidParameterValue");

        acme.deleteRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0"));
        assertThat(code(() -> acme.deleteRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0"))))
                .isEqualTo("InvalidRoute.NotFound");
        assertThat(acme.describeRouteTables(r -> r.routeTableIds(rtb)).routeTables().get(0).routes())
                .extracting(Route::destinationCidrBlock).containsExactly("10.50.0.0/16", "10.51.0.0/16");

        assertThat(code(() -> acme.deleteRouteTable(r -> r.routeTableId(rtb)))).isEqualTo("DependencyViolation");
        acme.disassociateRouteTable(r -> r.associationId(association));
        assertThat(code(() -> acme.disassociateRouteTable(r -> r.associationId(association))))
                .isEqualTo("InvalidAssociationID.NotFound");
        acme.deleteRouteTable(r -> r.routeTableId(rtb));
        assertThat(code(() -> acme.describeRouteTables(r -> r.routeTableIds(rtb))))
                .isEqualTo("InvalidRouteTableID.NotFound");
    }

    private static Route route(String rtb, String destination) {
        return acme.describeRouteTables(r -> r.routeTableIds(rtb)).routeTables().get(0).routes().stream()
                .filter(x -> destination.equals(x.destinationCidrBlock())).findFirst().orElseThrow();
    }

    @Test
    void egressRulesAuthorizedAndRevoked() {
        String vpcId = vpc(acme, "10.60.0.0/16");
        String sg = acme.createSecurityGroup(r -> r.vpcId(vpcId).groupName("egress").description("egress rules"))
                .groupId();
        IpPermission allOut = IpPermission.builder().ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
        IpPermission https = IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build();
        assertThat(rules(group(sg).ipPermissionsEgress())).containsExactly("-1 null-null 0.0.0.0/0");

        assertThat(acme.authorizeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(https)).securityGroupRules())
                .singleElement().satisfies(rule -> {
                    assertThat(rule.isEgress()).isTrue();
                    assertThat(rule.cidrIpv4()).isEqualTo("10.0.0.0/8");
                });
        assertThat(code(() -> acme.authorizeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(https))))
                .isEqualTo("InvalidPermission.Duplicate");
        assertThat(acme.revokeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(allOut)).returnValue()).isTrue();
        assertThat(rules(group(sg).ipPermissionsEgress())).containsExactly("tcp 443-443 10.0.0.0/8");
        assertThat(group(sg).ipPermissions()).isEmpty();
        assertThat(code(() -> acme.revokeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(allOut))))
                .isEqualTo("InvalidPermission.NotFound");
        assertThat(acme.describeSecurityGroups(r -> r.filters(filter("egress.ip-permission.to-port", "443"),
                filter("vpc-id", vpcId))).securityGroups()).extracting(SecurityGroup::groupId).containsExactly(sg);
    }

    /** "protocol from-to cidr…" per permission, so that empty and absent lists compare equal. */
    private static List<String> rules(List<IpPermission> permissions) {
        return permissions.stream().map(p -> p.ipProtocol() + " " + p.fromPort() + "-" + p.toPort() + " "
                + String.join(",", p.ipRanges().stream().map(IpRange::cidrIp).toList())).toList();
    }

    private static SecurityGroup group(String id) {
        return acme.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
    }

    @Test
    void networkAclEntriesCreatedAndDeleted() {
        String vpcId = vpc(acme, "10.70.0.0/16");
        String acl = acme.createNetworkAcl(r -> r.vpcId(vpcId)).networkAcl().networkAclId();
        acme.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("6").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("10.0.0.0/8").portRange(p -> p.from(443).to(443)));
        assertThat(entries(acl)).extracting(NetworkAclEntry::ruleNumber).containsExactlyInAnyOrder(100, 32767, 32767);
        assertThat(code(() -> acme.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("-1")
                .ruleAction(RuleAction.DENY).egress(false).cidrBlock("0.0.0.0/0"))))
                .isEqualTo("NetworkAclEntryAlreadyExists");

        acme.deleteNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false));
        assertThat(entries(acl)).extracting(NetworkAclEntry::ruleNumber).containsExactly(32767, 32767);
        assertThat(code(() -> acme.deleteNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false))))
                .isEqualTo("InvalidNetworkAclEntry.NotFound");
        // the final deny (32767) is fixed: rule numbers run from 1 to 32766
        assertThat(code(() -> acme.deleteNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(32767).egress(true))))
                .isEqualTo("InvalidParameterValue");
        assertThat(entries(acl)).hasSize(2).allSatisfy(e -> assertThat(e.ruleAction()).isEqualTo(RuleAction.DENY));
    }

    private static List<NetworkAclEntry> entries(String acl) {
        return acme.describeNetworkAcls(r -> r.networkAclIds(acl)).networkAcls().get(0).entries();
    }

    @Test
    void rejectedPeeringCanBeNeitherAcceptedNorDeleted() {
        String a = vpc(acme, "10.80.0.0/16");
        String b = vpc(globex, "10.81.0.0/16");
        String pcx = acme.createVpcPeeringConnection(r -> r.vpcId(a).peerVpcId(b).peerOwnerId(GLOBEX))
                .vpcPeeringConnection().vpcPeeringConnectionId();
        assertThat(code(() -> acme.rejectVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx))))
                .isEqualTo("OperationNotPermitted");
        assertThat(globex.rejectVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx)).returnValue()).isTrue();

        assertThat(acme.describeVpcPeeringConnections(r -> r.vpcPeeringConnectionIds(pcx)).vpcPeeringConnections()
                .get(0).status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.REJECTED);
        assertThat(acme.describeVpcPeeringConnections(r -> r.filters(filter("status-code", "rejected"),
                filter("accepter-vpc-info.vpc-id", b))).vpcPeeringConnections()).hasSize(1);
        assertThat(code(() -> globex.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx))))
                .isEqualTo("InvalidStateTransition");
        assertThat(code(() -> globex.rejectVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx))))
                .isEqualTo("InvalidStateTransition");
        assertThat(code(() -> acme.deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx))))
                .isEqualTo("InvalidStateTransition");
        assertThat(code(() -> acme.rejectVpcPeeringConnection(r -> r.vpcPeeringConnectionId("pcx-0000000000000000f"))))
                .isEqualTo("InvalidVpcPeeringConnectionID.NotFound");
    }

    @Test
    void regionsAndAvailabilityZones() {
        assertThat(acme.describeRegions().regions()).extracting(Region::regionName)
                .contains("us-east-1", "eu-west-1");
        assertThat(acme.describeRegions(r -> r.filters(filter("region-name", "eu-*"))).regions())
                .extracting(Region::regionName).allMatch(n -> n.startsWith("eu-")).contains("eu-west-1");
        assertThat(acme.describeAvailabilityZones().availabilityZones()).isNotEmpty()
                .allSatisfy(z -> assertThat(z.regionName()).isEqualTo("us-east-1"));
        assertThat(acmeEu.describeAvailabilityZones().availabilityZones()).extracting(AvailabilityZone::zoneName)
                .contains("eu-west-1a");
        assertThat(acme.describeAvailabilityZones(r -> r.zoneNames("us-east-1a")).availabilityZones())
                .extracting(AvailabilityZone::zoneName).containsExactly("us-east-1a");
        assertThat(code(() -> acme.describeAvailabilityZones(r -> r.zoneNames("eu-west-1a"))))
                .isEqualTo("InvalidParameterValue");
        // neither call pages: a stray MaxResults does not cut the list short
        int regions = acme.describeRegions().regions().size();
        int zones = acme.describeAvailabilityZones().availabilityZones().size();
        assertThat(regions).isGreaterThan(5);
        assertThat(zones).isGreaterThan(5);
        io.peerdesk.sim.cloud.Caller caller = new io.peerdesk.sim.cloud.Caller(ACME, "us-east-1");
        assertThat(SimTestKit.elements(sim.handle(caller, "DescribeRegions", java.util.Map.of("MaxResults", "5")).xml(),
                "regionName")).hasSize(regions);
        assertThat(SimTestKit.elements(sim.handle(caller, "DescribeAvailabilityZones",
                java.util.Map.of("MaxResults", "5")).xml(), "zoneName")).hasSize(zones);
    }

    @Test
    void dryRunIs412DryRunOperationAndChangesNothing() {
        int before = acme.describeVpcs().vpcs().size();
        Ec2Exception create = refused(() -> acme.createVpc(r -> r.cidrBlock("10.90.0.0/16").dryRun(true)));
        assertThat(create.statusCode()).isEqualTo(412);
        assertThat(create.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
        assertThat(create.awsErrorDetails().errorMessage())
                .isEqualTo("Request would have succeeded, but DryRun flag is set.");
        assertThat(refused(() -> acme.describeVpcs(r -> r.dryRun(true))).statusCode()).isEqualTo(412);
        assertThat(acme.describeVpcs().vpcs()).hasSize(before);
    }

    @Test
    void badInputIsAnAwsErrorCode() {
        assertThat(code(() -> acme.createVpc(r -> r.cidrBlock("banana")))).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> acme.createVpc(r -> r.cidrBlock("10.0.0.0/8")))).isEqualTo("InvalidVpc.Range");
        assertThat(code(() -> acme.createVpc(r -> { }))).isEqualTo("MissingParameter");
        assertThat(code(() -> acme.createSubnet(r -> r.vpcId("vpc-0123456789abcdef0").cidrBlock("10.0.0.0/24"))))
                .isEqualTo("InvalidVpcID.NotFound");
        assertThat(code(() -> acme.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId("peering-1"))))
                .isEqualTo("InvalidVpcPeeringConnectionId.Malformed");
    }

    @Test
    void tagsCreatedListedAndDeleted() {
        String vpcId = vpc(acme, "10.95.0.0/16");
        acme.createTags(r -> r.resources(vpcId).tags(t -> t.key("team").value("net"), t -> t.key("env").value("qa")));
        assertThat(acme.describeTags(r -> r.filters(filter("resource-id", vpcId))).tags())
                .extracting(TagDescription::key).containsExactly("team", "env");
        assertThat(acme.describeVpcs(r -> r.filters(filter("tag:team", "net"), filter("tag-key", "env"))).vpcs())
                .extracting(Vpc::vpcId).containsExactly(vpcId);
        acme.deleteTags(r -> r.resources(vpcId).tags(t -> t.key("team")));
        assertThat(acme.describeTags(r -> r.filters(filter("resource-id", vpcId))).tags())
                .extracting(TagDescription::key).containsExactly("env");
        assertThat(code(() -> globex.createTags(r -> r.resources(vpcId).tags(t -> t.key("x").value("y")))))
                .isEqualTo("InvalidVpcID.NotFound");
    }
}

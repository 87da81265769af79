package io.peerdesk.sim;

import io.peerdesk.sim.http.Authenticator;
import io.peerdesk.sim.http.Ec2HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsAnalysis;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionStateReasonCode;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives the EC2 endpoint with the real AWS SDK for Java v2 through a whole cross-account
 * peering, as the portal's cloud adapter will.
 */
class Ec2EndpointIT {

    static final String ACME = "111111111111";
    static final String GLOBEX = "222222222222";

    static Simulator sim;
    static Ec2HttpServer server;
    static Ec2Client acme;
    static Ec2Client globex;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.open(Simulator.Options.inMemory());
        server = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", 0), sim, Authenticator.open());
        acme = Ec2Clients.client(server.port(), ACME, "us-east-1");
        globex = Ec2Clients.client(server.port(), GLOBEX, "us-east-1");
    }

    @AfterAll
    static void stop() throws Exception {
        acme.close();
        globex.close();
        server.close();
        sim.close();
    }

    @Test
    void walksCrossAccountPeeringFromRequestToDeleteWithRoutesRulesAndReachability() {
        String vpcA = createVpc(acme, "10.1.0.0/16", "acme-app");
        String vpcB = createVpc(globex, "10.2.0.0/16", "globex-api");
        String subnetA = acme.createSubnet(r -> r.vpcId(vpcA).cidrBlock("10.1.1.0/24")).subnet().subnetId();
        String subnetB = globex.createSubnet(r -> r.vpcId(vpcB).cidrBlock("10.2.1.0/24")).subnet().subnetId();

        assertThat(acme.describeVpcs(r -> r.filters(tag("Name", "acme-app"))).vpcs())
                .extracting(Vpc::vpcId).containsExactly(vpcA);
        assertThat(globex.describeVpcs(r -> r.vpcIds(vpcB)).vpcs().get(0).cidrBlock()).isEqualTo("10.2.0.0/16");

        VpcPeeringConnection requested = acme.createVpcPeeringConnection(r -> r.vpcId(vpcA).peerVpcId(vpcB)
                .peerOwnerId(GLOBEX)).vpcPeeringConnection();
        String pcx = requested.vpcPeeringConnectionId();
        assertThat(requested.status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.INITIATING_REQUEST);

        VpcPeeringConnection seenByGlobex = globex.describeVpcPeeringConnections(r -> r.vpcPeeringConnectionIds(pcx))
                .vpcPeeringConnections().get(0);
        assertThat(seenByGlobex.status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.PENDING_ACCEPTANCE);
        assertThat(seenByGlobex.expirationTime()).isNotNull();

        assertThatThrownBy(() -> acme.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx)))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("OperationNotPermitted"));

        String rtbA = mainRouteTable(acme, vpcA);
        String rtbB = mainRouteTable(globex, vpcB);
        acme.createRoute(r -> r.routeTableId(rtbA).destinationCidrBlock("10.2.0.0/16").vpcPeeringConnectionId(pcx));
        assertThat(routeTo(acme, rtbA, "10.2.0.0/16").stateAsString()).isEqualTo("blackhole");

        VpcPeeringConnection accepted = globex.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx))
                .vpcPeeringConnection();
        assertThat(accepted.status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.ACTIVE);
        assertThat(accepted.accepterVpcInfo().cidrBlock()).isEqualTo("10.2.0.0/16");
        assertThat(routeTo(acme, rtbA, "10.2.0.0/16").stateAsString()).isEqualTo("active");
        globex.createRoute(r -> r.routeTableId(rtbB).destinationCidrBlock("10.1.0.0/16").vpcPeeringConnectionId(pcx));

        String sgA = defaultGroup(acme, vpcA);
        String sgB = defaultGroup(globex, vpcB);
        globex.authorizeSecurityGroupIngress(r -> r.groupId(sgB).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .userIdGroupPairs(UserIdGroupPair.builder().userId(ACME).groupId(sgA).build()).build()));
        assertThat(globex.describeSecurityGroupRules(r -> r.filters(Filter.builder().name("group-id").values(sgB).build()))
                .securityGroupRules())
                .filteredOn(rule -> rule.referencedGroupInfo() != null && !rule.isEgress())
                .extracting(rule -> rule.referencedGroupInfo().groupId()).contains(sgA);

        NetworkInsightsAnalysis found = analyse(acme, subnetA, "10.2.1.10", 443);
        assertThat(found.networkPathFound()).isTrue();
        assertThat(found.forwardPathComponents()).isNotEmpty();
        assertThat(found.returnPathComponents()).isNotEmpty();

        NetworkInsightsAnalysis wrongPort = analyse(acme, subnetA, "10.2.1.10", 22);
        assertThat(wrongPort.networkPathFound()).isFalse();
        assertThat(wrongPort.explanations()).extracting(x -> x.explanationCode()).contains("ENI_SG_RULES_MISMATCH");

        acme.deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx));
        assertThat(globex.describeVpcPeeringConnections(r -> r.vpcPeeringConnectionIds(pcx))
                .vpcPeeringConnections().get(0).status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.DELETED);
        assertThat(routeTo(globex, rtbB, "10.1.0.0/16").stateAsString()).isEqualTo("blackhole");
        assertThat(globex.describeStaleSecurityGroups(r -> r.vpcId(vpcB)).staleSecurityGroupSet())
                .extracting(g -> g.groupId()).containsExactly(sgB);
        NetworkInsightsAnalysis afterDelete = analyse(acme, subnetA, "10.2.1.10", 443);
        assertThat(afterDelete.networkPathFound()).isFalse();
        assertThat(afterDelete.explanations()).extracting(x -> x.explanationCode()).contains("BAD_STATE_ROUTE");
        assertThat(subnetB).startsWith("subnet-");
    }

    @Test
    void refusesBadRequestsWithAwsErrorCodesAndChangesNothing() {
        int before = acme.describeVpcs().vpcs().size();
        assertErrorCode(() -> acme.createVpc(r -> r.cidrBlock("10.0.0.0/8")), "InvalidVpc.Range");
        assertErrorCode(() -> acme.createVpc(r -> r.cidrBlock("10.0.0.300/16")), "InvalidParameterValue");
        assertErrorCode(() -> acme.describeVpcs(r -> r.vpcIds("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound");
        assertErrorCode(() -> acme.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId("pcx-0123456789abcdef0")),
                "InvalidVpcPeeringConnectionID.NotFound");
        assertErrorCode(() -> acme.createVpc(r -> r.cidrBlock("10.9.0.0/16").dryRun(true)), "DryRunOperation");
        assertThat(acme.describeVpcs().vpcs()).hasSize(before);

        String vpc = createVpc(acme, "10.50.7.9/16", "canonical");
        assertThat(acme.describeVpcs(r -> r.vpcIds(vpc)).vpcs().get(0).cidrBlock()).isEqualTo("10.50.0.0/16");
        String sg = acme.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
        assertErrorCode(() -> acme.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(0).toPort(70000).ipRanges(x -> x.cidrIp("10.0.0.0/8")).build())),
                "InvalidParameterValue");
        assertThat(acme.describeSecurityGroups(r -> r.groupIds(sg)).securityGroups().get(0).ipPermissions()).isEmpty();
    }

    @Test
    void pagesThroughDescribeResultsWithMaxResultsAndNextToken() {
        Ec2Client initech = Ec2Clients.client(server.port(), "333333333333", "eu-west-1");
        for (int i = 0; i < 12; i++) {
            int n = i;
            createVpc(initech, "10." + (100 + n) + ".0.0/16", "paged-" + n);
        }
        List<String> seen = initech.describeVpcsPaginator(r -> r.maxResults(5)).vpcs().stream()
                .map(Vpc::vpcId).toList();
        assertThat(seen).hasSize(12).doesNotHaveDuplicates();
        assertThat(acme.describeVpcs(r -> r.filters(tag("Name", "paged-*"))).vpcs()).isEmpty();
    }

    @Test
    void strictModeRefusesRequestSignedWithWrongSecret() throws Exception {
        var keys = List.of(new io.peerdesk.sim.http.AccessKey("AKIAACME000000000001", "right-secret", ACME));
        try (Ec2HttpServer strict = Ec2HttpServer.start(new InetSocketAddress("127.0.0.1", 0), sim,
                Authenticator.strict(keys));
             Ec2Client good = Ec2Clients.client(strict.port(), "AKIAACME000000000001", "right-secret", "us-west-2");
             Ec2Client bad = Ec2Clients.client(strict.port(), "AKIAACME000000000001", "wrong-secret", "us-west-2")) {
            assertErrorCode(() -> bad.createVpc(r -> r.cidrBlock("10.77.0.0/16")), "SignatureDoesNotMatch");
            assertThat(good.describeVpcs().vpcs()).isEmpty();
            good.createVpc(r -> r.cidrBlock("10.77.0.0/16"));
            assertThat(good.describeVpcs().vpcs()).hasSize(1);
        }
    }

    static String createVpc(Ec2Client ec2, String cidr, String name) {
        return ec2.createVpc(r -> r.cidrBlock(cidr).tagSpecifications(TagSpecification.builder()
                .resourceType(ResourceType.VPC).tags(Tag.builder().key("Name").value(name).build()).build()))
                .vpc().vpcId();
    }

    static Filter tag(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }

    static String mainRouteTable(Ec2Client ec2, String vpcId) {
        return ec2.describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build(),
                Filter.builder().name("association.main").values("true").build())).routeTables().get(0).routeTableId();
    }

    static Route routeTo(Ec2Client ec2, String rtb, String destination) {
        RouteTable table = ec2.describeRouteTables(r -> r.routeTableIds(rtb)).routeTables().get(0);
        return table.routes().stream().filter(x -> destination.equals(x.destinationCidrBlock())).findFirst().orElseThrow();
    }

    static String defaultGroup(Ec2Client ec2, String vpcId) {
        return ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build(),
                Filter.builder().name("group-name").values("default").build())).securityGroups().get(0).groupId();
    }

    static NetworkInsightsAnalysis analyse(Ec2Client ec2, String subnet, String destinationIp, int port) {
        String path = ec2.createNetworkInsightsPath(r -> r.source(subnet).destinationIp(destinationIp)
                .protocol("tcp").destinationPort(port)).networkInsightsPath().networkInsightsPathId();
        String analysis = ec2.startNetworkInsightsAnalysis(r -> r.networkInsightsPathId(path))
                .networkInsightsAnalysis().networkInsightsAnalysisId();
        return ec2.describeNetworkInsightsAnalyses(r -> r.networkInsightsAnalysisIds(analysis))
                .networkInsightsAnalyses().get(0);
    }

    static void assertErrorCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Ec2Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
    }
}

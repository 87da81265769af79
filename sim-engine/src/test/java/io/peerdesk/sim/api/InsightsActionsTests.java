package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.CloudConfig;
import io.peerdesk.sim.cloud.PeeringConnection;
import io.peerdesk.sim.cloud.Routing;
import io.peerdesk.sim.cloud.SecurityGroups;
import io.peerdesk.sim.cloud.Subnet;
import io.peerdesk.sim.cloud.Vpc;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InsightsActionsTests {

    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    private static final Caller A = new Caller("111111111111", "us-east-1");
    private static final Caller B = new Caller("222222222222", "us-east-1");

    private final Ec2Api api = new Ec2Api();
    private Cloud cloud = new Cloud(CloudConfig.AWS_DEFAULTS, 11L);
    private final Vpc vpcA = cloud.vpcs().createVpc(A, "10.0.0.0/16", false, null, Map.of());
    private final Subnet subnetA = cloud.vpcs().createSubnet(A, vpcA.id(), "10.0.1.0/24", null, null, Map.of());
    private final Vpc vpcB = cloud.vpcs().createVpc(B, "10.1.0.0/16", false, null, Map.of());
    private final Subnet subnetB = cloud.vpcs().createSubnet(B, vpcB.id(), "10.1.1.0/24", null, null, Map.of());
    private final PeeringConnection pcx = peer();

    private PeeringConnection peer() {
        PeeringConnection p = cloud.peerings().create(A, vpcA.id(), vpcB.id(), B.accountId(), null, Map.of(), T0);
        cloud.peerings().accept(B, p.id(), T0);
        cloud.routing().createRoute(A, vpcA.mainRouteTableId(),
                new Routing.RouteSpec("10.1.0.0/16", null, null, p.id(), false), T0);
        cloud.securityGroups().authorize(B, vpcB.defaultSecurityGroupId(), false, List.of(
                new SecurityGroups.Permission("tcp", 443, 443, List.of(new SecurityGroups.CidrPeer("10.0.0.0/16", null)),
                        List.of(), List.of(), List.of())), T0);
        return p;
    }

    @Test
    void createsPathStartsAnalysisAndDescribesTheRefusedReturnThenTheFoundPath() throws Exception {
        Document created = ok(run(A, "CreateNetworkInsightsPath", "Source", subnetA.id(), "Destination", subnetB.id(),
                "DestinationIp", "10.1.1.10", "Protocol", "TCP", "DestinationPort", "443",
                "TagSpecification.1.ResourceType", "network-insights-path",
                "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", "a-to-b"));
        String pathId = text(created, "//networkInsightsPath/networkInsightsPathId");
        assertThat(pathId).startsWith("nip-");
        assertThat(text(created, "//networkInsightsPath/networkInsightsPathArn"))
                .isEqualTo("arn:aws:ec2:us-east-1:111111111111:network-insights-path/" + pathId);
        assertThat(text(created, "//networkInsightsPath/protocol")).isEqualTo("tcp");
        assertThat(text(created, "//networkInsightsPath/sourceArn")).endsWith(":subnet/" + subnetA.id());
        assertThat(text(created, "//networkInsightsPath/tagSet/item[key='Name']/value")).isEqualTo("a-to-b");

        Document refused = ok(run(A, "StartNetworkInsightsAnalysis", "NetworkInsightsPathId", pathId));
        assertThat(text(refused, "//networkInsightsAnalysis/status")).isEqualTo("succeeded");
        assertThat(text(refused, "//networkInsightsAnalysis/networkPathFound")).isEqualTo("false");
        assertThat(text(refused, "//explanationSet/item/explanationCode")).isEqualTo("NO_ROUTE_TO_DESTINATION");
        assertThat(text(refused, "//explanationSet/item/routeTable/id")).isEqualTo(vpcB.mainRouteTableId());
        assertThat(text(refused, "//explanationSet/item/componentAccount")).isEqualTo(B.accountId());

        cloud.routing().createRoute(B, vpcB.mainRouteTableId(),
                new Routing.RouteSpec("10.0.0.0/16", null, null, pcx.id(), false), T0);
        Document found = ok(run(A, "StartNetworkInsightsAnalysis", "NetworkInsightsPathId", pathId));
        String analysisId = text(found, "//networkInsightsAnalysis/networkInsightsAnalysisId");
        assertThat(analysisId).startsWith("nia-");

        Document described = ok(run(A, "DescribeNetworkInsightsAnalyses", "NetworkInsightsAnalysisId.1", analysisId));
        String item = "//networkInsightsAnalysisSet/item";
        assertThat(count(described, item)).isEqualTo(1);
        assertThat(text(described, item + "/networkInsightsPathId")).isEqualTo(pathId);
        assertThat(text(described, item + "/networkPathFound")).isEqualTo("true");
        assertThat(count(described, item + "/forwardPathComponentSet/item")).isEqualTo(8);
        assertThat(count(described, item + "/returnPathComponentSet/item")).isEqualTo(6);
        String route = item + "/forwardPathComponentSet/item[sequenceNumber='4']/routeTableRoute";
        assertThat(text(described, route + "/destinationCidr")).isEqualTo("10.1.0.0/16");
        assertThat(text(described, route + "/vpcPeeringConnectionId")).isEqualTo(pcx.id());
        assertThat(text(described, route + "/state")).isEqualTo("active");
        String pcxHop = item + "/forwardPathComponentSet/item[sequenceNumber='5']";
        assertThat(text(described, pcxHop + "/component/id")).isEqualTo(pcx.id());
        assertThat(text(described, pcxHop + "/destinationVpc/id")).isEqualTo(vpcB.id());
        String ingress = item + "/forwardPathComponentSet/item[sequenceNumber='7']/securityGroupRule";
        assertThat(text(described, ingress + "/direction")).isEqualTo("ingress");
        assertThat(text(described, ingress + "/portRange/from")).isEqualTo("443");
        assertThat(text(described, ingress + "/cidr")).isEqualTo("10.0.0.0/16");
        String acl = item + "/forwardPathComponentSet/item[sequenceNumber='2']/aclRule";
        assertThat(text(described, acl + "/ruleNumber")).isEqualTo("100");
        assertThat(text(described, acl + "/ruleAction")).isEqualTo("allow");
        assertThat(text(described, acl + "/egress")).isEqualTo("true");
        assertThat(count(described, item + "/explanationSet/item")).isZero();

        Document notFound = ok(run(A, "DescribeNetworkInsightsAnalyses", "NetworkInsightsPathId", pathId,
                "Filter.1.Name", "path-found", "Filter.1.Value.1", "false"));
        assertThat(count(notFound, "//networkInsightsAnalysisSet/item")).isEqualTo(1);
        assertThat(text(notFound, "//networkInsightsAnalysisSet/item/networkPathFound")).isEqualTo("false");
    }

    @Test
    void networkAclRestrictionCarriesTheRuleAndThePortsInTheXml() throws Exception {
        String aclId = cloud.networkAcls().create(A, vpcA.id(), Map.of()).id();
        String association = cloud.networkAclOf(subnetA).associations().stream()
                .filter(x -> x.subnetId().equals(subnetA.id())).findFirst().orElseThrow().associationId();
        cloud.networkAcls().replaceAssociation(A, association, aclId);
        String pathId = createPath(A, "Source", subnetA.id(), "DestinationIp", "10.1.1.10", "Protocol", "tcp",
                "DestinationPort", "443");

        Document analysis = ok(run(A, "StartNetworkInsightsAnalysis", "NetworkInsightsPathId", pathId));

        String why = "//networkInsightsAnalysis/explanationSet/item";
        assertThat(text(analysis, why + "/explanationCode")).isEqualTo("SUBNET_ACL_RESTRICTION");
        assertThat(text(analysis, why + "/direction")).isEqualTo("egress");
        assertThat(text(analysis, why + "/acl/id")).isEqualTo(aclId);
        assertThat(text(analysis, why + "/aclRule/ruleNumber")).isEqualTo("32767");
        assertThat(text(analysis, why + "/aclRule/ruleAction")).isEqualTo("deny");
        assertThat(text(analysis, why + "/portRangeSet/item/from")).isEqualTo("443");
        assertThat(text(analysis, why + "/protocolSet/item")).isEqualTo("tcp");
    }

    @Test
    void securityGroupExtensionParametersAndSourcePortRangeReachTheAnalysis() throws Exception {
        String app = cloud.securityGroups().create(A, vpcA.id(), "app", "app", Map.of()).id();
        cloud.securityGroups().revoke(A, app, true, List.of(new SecurityGroups.Permission("-1", null, null,
                List.of(new SecurityGroups.CidrPeer("0.0.0.0/0", null)), List.of(), List.of(), List.of())),
                List.of(), T0);
        String pathId = createPath(A, "Source", subnetA.id(), "DestinationIp", "10.1.1.10", "Protocol", "tcp",
                "FilterAtSource.DestinationPortRange.FromPort", "443", "FilterAtSource.DestinationPortRange.ToPort", "443",
                "FilterAtSource.SourcePortRange.FromPort", "40000", "FilterAtSource.SourcePortRange.ToPort", "40100",
                "SourceSecurityGroupId.1", app);

        Document path = ok(run(A, "DescribeNetworkInsightsPaths", "NetworkInsightsPathId.1", pathId));
        Document analysis = ok(run(A, "StartNetworkInsightsAnalysis", "NetworkInsightsPathId", pathId));

        assertThat(text(path, "//networkInsightsPathSet/item/destinationPort")).isEqualTo("443");
        assertThat(text(path, "//networkInsightsPathSet/item/filterAtSource/sourcePortRange/fromPort"))
                .isEqualTo("40000");
        assertThat(text(analysis, "//explanationSet/item/explanationCode")).isEqualTo("SG_HAS_NO_RULES");
        assertThat(text(analysis, "//explanationSet/item/securityGroupSet/item/id")).isEqualTo(app);
    }

    @Test
    void pathsAndAnalysesAreVisibleOnlyToTheirAccountAndRegion() throws Exception {
        String pathId = createPath(A, "Source", subnetA.id(), "DestinationIp", "10.1.1.10", "Protocol", "tcp",
                "DestinationPort", "443");
        String analysisId = text(ok(run(A, "StartNetworkInsightsAnalysis", "NetworkInsightsPathId", pathId)),
                "//networkInsightsAnalysisId");

        assertThat(errorCode(run(B, "StartNetworkInsightsAnalysis", "NetworkInsightsPathId", pathId)))
                .isEqualTo("InvalidNetworkInsightsPathId.NotFound");
        assertThat(errorCode(run(new Caller(A.accountId(), "eu-west-1"), "DescribeNetworkInsightsAnalyses",
                "NetworkInsightsAnalysisId.1", analysisId))).isEqualTo("InvalidNetworkInsightsAnalysisId.NotFound");
        assertThat(count(ok(run(B, "DescribeNetworkInsightsPaths")), "//networkInsightsPathSet/item")).isZero();
        assertThat(count(ok(run(A, "DescribeNetworkInsightsPaths")), "//networkInsightsPathSet/item")).isEqualTo(1);
    }

    @Test
    void sourceOfAnotherAccountIsAnalysedAsNoSourceOrDestination() throws Exception {
        String pathId = createPath(B, "Source", subnetA.id(), "DestinationIp", "10.1.1.10", "Protocol", "tcp",
                "DestinationPort", "443");

        Document analysis = ok(run(B, "StartNetworkInsightsAnalysis", "NetworkInsightsPathId", pathId));

        assertThat(text(analysis, "//explanationSet/item/explanationCode")).isEqualTo("NO_SOURCE_OR_DESTINATION");
        assertThat(text(analysis, "//explanationSet/item/component/id")).isEqualTo(subnetA.id());
        assertThat(count(analysis, "//explanationSet/item/component/arn")).isZero();
    }

    @Test
    void pathCannotBeDeletedWhileItHasAnalyses() throws Exception {
        String pathId = createPath(A, "Source", subnetA.id(), "DestinationIp", "10.1.1.10", "Protocol", "tcp",
                "DestinationPort", "443");
        String analysisId = text(ok(run(A, "StartNetworkInsightsAnalysis", "NetworkInsightsPathId", pathId)),
                "//networkInsightsAnalysisId");

        Ec2Service.Ec2Reply refused = run(A, "DeleteNetworkInsightsPath", "NetworkInsightsPathId", pathId);
        Document analysisDeleted = ok(run(A, "DeleteNetworkInsightsAnalysis", "NetworkInsightsAnalysisId", analysisId));
        Document pathDeleted = ok(run(A, "DeleteNetworkInsightsPath", "NetworkInsightsPathId", pathId));

        assertThat(errorCode(refused)).isEqualTo("AnalysisExistsForNetworkInsightsPath");
        assertThat(text(analysisDeleted, "//networkInsightsAnalysisId")).isEqualTo(analysisId);
        assertThat(text(pathDeleted, "//networkInsightsPathId")).isEqualTo(pathId);
        assertThat(count(ok(run(A, "DescribeNetworkInsightsPaths")), "//networkInsightsPathSet/item")).isZero();
    }

    @Test
    void refusesUnsupportedProtocolsAndPathEnds() throws Exception {
        assertThat(errorCode(run(A, "CreateNetworkInsightsPath", "Source", subnetA.id(), "DestinationIp", "10.1.1.10",
                "Protocol", "icmp", "DestinationPort", "443"))).isEqualTo("InvalidParameterValue");
        assertThat(errorCode(run(A, "CreateNetworkInsightsPath", "Source", "i-0123456789abcdef0",
                "DestinationIp", "10.1.1.10", "Protocol", "tcp", "DestinationPort", "443")))
                .isEqualTo("InvalidParameterValue");
        assertThat(errorCode(run(A, "CreateNetworkInsightsPath", "Source", vpcA.id(), "DestinationIp", "10.1.1.10",
                "Protocol", "tcp", "DestinationPort", "443"))).isEqualTo("MissingParameter");
        assertThat(count(ok(run(A, "DescribeNetworkInsightsPaths")), "//networkInsightsPathSet/item")).isZero();
    }

    @Test
    void analysesSurviveSerialisationOfTheCloud() throws Exception {
        String pathId = createPath(A, "Source", subnetA.id(), "DestinationIp", "10.1.1.10", "Protocol", "tcp",
                "DestinationPort", "443");
        String analysisId = text(ok(run(A, "StartNetworkInsightsAnalysis", "NetworkInsightsPathId", pathId)),
                "//networkInsightsAnalysisId");
        String before = describe(analysisId);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(cloud);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            cloud = (Cloud) in.readObject();
        }

        assertThat(describe(analysisId)).isEqualTo(before);
        assertThat(text(ok(run(A, "StartNetworkInsightsAnalysis", "NetworkInsightsPathId", pathId)),
                "//networkInsightsAnalysisId")).isNotEqualTo(analysisId);
    }

    // ---- helpers ----

    private String describe(String analysisId) throws Exception {
        Document d = ok(run(A, "DescribeNetworkInsightsAnalyses", "NetworkInsightsAnalysisId.1", analysisId));
        return text(d, "//networkInsightsAnalysisSet/item/explanationSet/item/explanationCode") + "|"
                + text(d, "//networkInsightsAnalysisSet/item/startDate");
    }

    private String createPath(Caller caller, String... params) throws Exception {
        return text(ok(run(caller, "CreateNetworkInsightsPath", params)), "//networkInsightsPathId");
    }

    private Ec2Service.Ec2Reply run(Caller caller, String action, String... params) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return api.run(api.find(action), caller, T0, map, cloud);
    }

    private static Document ok(Ec2Service.Ec2Reply reply) throws Exception {
        assertThat(reply.status()).as(reply.xml()).isEqualTo(200);
        return parse(reply.xml());
    }

    private static String errorCode(Ec2Service.Ec2Reply reply) throws Exception {
        assertThat(reply.status()).as(reply.xml()).isEqualTo(400);
        return text(parse(reply.xml()), "/Response/Errors/Error/Code");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document d, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, d);
    }

    private static int count(Document d, String xpath) throws Exception {
        return ((Number) XPathFactory.newInstance().newXPath().evaluate("count(" + xpath + ")", d,
                XPathConstants.NUMBER)).intValue();
    }
}

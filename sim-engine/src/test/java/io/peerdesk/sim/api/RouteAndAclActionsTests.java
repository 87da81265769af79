package io.peerdesk.sim.api;

import com.sun.net.httpserver.HttpServer;
import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.PeeringConnection;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.TagDescription;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RouteActions, NetworkAclActions and TagActions driven through {@link Ec2Api}, asserting on AWS's XML. */
class RouteAndAclActionsTests {

    private static final String ACCOUNT = "111111111111";
    private static final Caller CALLER = new Caller(ACCOUNT, "us-east-1");
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final Ec2Api api = new Ec2Api();
    private final Cloud cloud = new Cloud();

    // ---- plumbing ----

    private Ec2Service.Ec2Reply call(String action, Object... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], String.valueOf(keyValues[i + 1]));
        }
        return call(action, params);
    }

    private Ec2Service.Ec2Reply call(String action, Map<String, String> params) {
        Action a = api.find(action);
        assertThat(a).as("action %s is registered", action).isNotNull();
        return api.run(a, CALLER, NOW, params, cloud);
    }

    private Xml ok(String action, Object... keyValues) {
        Ec2Service.Ec2Reply reply = call(action, keyValues);
        assertThat(reply.status()).as(reply.xml()).isEqualTo(200);
        Xml xml = Xml.parse(reply.xml());
        assertThat(xml.doc.getDocumentElement().getNodeName()).isEqualTo(action + "Response");
        assertThat(xml.doc.getDocumentElement().getAttribute("xmlns")).isEqualTo(XmlWriter.NAMESPACE);
        assertThat(xml.text("/*/requestId")).isNotEmpty();
        return xml;
    }

    private Xml ok(String action, Map<String, String> params) {
        Ec2Service.Ec2Reply reply = call(action, params);
        assertThat(reply.status()).as(reply.xml()).isEqualTo(200);
        return Xml.parse(reply.xml());
    }

    private String error(String action, Object... keyValues) {
        Ec2Service.Ec2Reply reply = call(action, keyValues);
        assertThat(reply.status()).as(reply.xml()).isEqualTo(400);
        Xml xml = Xml.parse(reply.xml());
        assertThat(xml.text("/Response/Errors/Error/Message")).isNotEmpty();
        assertThat(xml.text("/Response/RequestID")).isNotEmpty();
        return xml.text("/Response/Errors/Error/Code");
    }

    private record Xml(Document doc) {
        static Xml parse(String text) {
            try {
                return new Xml(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
            } catch (Exception e) {
                throw new AssertionError("not XML: " + text, e);
            }
        }

        String text(String xpath) {
            try {
                return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
            } catch (Exception e) {
                throw new AssertionError(xpath, e);
            }
        }

        List<String> texts(String xpath) {
            try {
                NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc,
                        XPathConstants.NODESET);
                List<String> out = new ArrayList<>();
                for (int i = 0; i < nodes.getLength(); i++) {
                    out.add(nodes.item(i).getTextContent());
                }
                return out;
            } catch (Exception e) {
                throw new AssertionError(xpath, e);
            }
        }

        int count(String xpath) {
            return texts(xpath).size();
        }

        boolean exists(String xpath) {
            try {
                return XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODE) != null;
            } catch (Exception e) {
                throw new AssertionError(xpath, e);
            }
        }

        /** Names of the element children of the first node at {@code xpath}. */
        Set<String> childNames(String xpath) {
            try {
                Node node = (Node) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODE);
                Set<String> names = new HashSet<>();
                for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeType() == Node.ELEMENT_NODE) {
                        names.add(c.getNodeName());
                    }
                }
                return names;
            } catch (Exception e) {
                throw new AssertionError(xpath, e);
            }
        }
    }

    private String vpc(String cidr) {
        return ok("CreateVpc", "CidrBlock", cidr).text("/*/vpc/vpcId");
    }

    private String subnet(String vpcId, String cidr) {
        return ok("CreateSubnet", "VpcId", vpcId, "CidrBlock", cidr).text("/*/subnet/subnetId");
    }

    private String routeTable(String vpcId) {
        return ok("CreateRouteTable", "VpcId", vpcId).text("/*/routeTable/routeTableId");
    }

    private String mainRouteTable(String vpcId) {
        return ok("DescribeRouteTables", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", vpcId,
                "Filter.2.Name", "association.main", "Filter.2.Value.1", "true")
                .text("/*/routeTableSet/item/routeTableId");
    }

    private String defaultAcl(String vpcId) {
        return ok("DescribeNetworkAcls", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", vpcId,
                "Filter.2.Name", "default", "Filter.2.Value.1", "true").text("/*/networkAclSet/item/networkAclId");
    }

    private PeeringConnection pendingPeering(String vpcA, String vpcB) {
        return cloud.peerings().create(CALLER, vpcA, vpcB, null, null, Map.of(), NOW);
    }

    /** Follows NextToken to the end with the given page size and returns every id seen, in order. */
    private List<String> allPages(String action, String itemXpath, int maxResults, Object... extra) {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < extra.length; i += 2) {
                params.put((String) extra[i], String.valueOf(extra[i + 1]));
            }
            params.put("MaxResults", Integer.toString(maxResults));
            if (token != null) {
                params.put("NextToken", token);
            }
            Xml page = ok(action, params);
            List<String> items = page.texts(itemXpath);
            assertThat(items.size()).isLessThanOrEqualTo(maxResults);
            seen.addAll(items);
            token = page.text("/*/nextToken");
            token = token.isEmpty() ? null : token;
            assertThat(++pages).isLessThan(100);
        } while (token != null);
        return seen;
    }

    // ---- route tables ----

    @Test
    void createRouteTableReturnsTheFullShapeWithTheLocalRoute() {
        String vpcId = vpc("10.0.0.0/16");
        Xml xml = ok("CreateRouteTable", "VpcId", vpcId,
                "TagSpecification.1.ResourceType", "route-table",
                "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", "private-a",
                "ClientToken", "token-1");

        assertThat(xml.text("/*/routeTable/routeTableId")).matches("rtb-[0-9a-f]{17}");
        assertThat(xml.text("/*/routeTable/vpcId")).isEqualTo(vpcId);
        assertThat(xml.text("/*/routeTable/ownerId")).isEqualTo(ACCOUNT);
        assertThat(xml.count("/*/routeTable/routeSet/item")).isEqualTo(1);
        assertThat(xml.text("/*/routeTable/routeSet/item/destinationCidrBlock")).isEqualTo("10.0.0.0/16");
        assertThat(xml.text("/*/routeTable/routeSet/item/gatewayId")).isEqualTo("local");
        assertThat(xml.text("/*/routeTable/routeSet/item/origin")).isEqualTo("CreateRouteTable");
        assertThat(xml.text("/*/routeTable/routeSet/item/state")).isEqualTo("active");
        assertThat(xml.exists("/*/routeTable/routeSet/item/vpcPeeringConnectionId")).isFalse();
        assertThat(xml.exists("/*/routeTable/associationSet")).isTrue();
        assertThat(xml.count("/*/routeTable/associationSet/item")).isZero();
        assertThat(xml.exists("/*/routeTable/propagatingVgwSet")).isTrue();
        assertThat(xml.text("/*/routeTable/tagSet/item[key='Name']/value")).isEqualTo("private-a");
        assertThat(xml.text("/*/clientToken")).isEqualTo("token-1");
    }

    @Test
    void createRouteTableRefusesAnUnknownVpcOrAWrongTagSpecification() {
        assertThat(error("CreateRouteTable", "VpcId", "vpc-0123456789abcdef0")).isEqualTo("InvalidVpcID.NotFound");
        assertThat(error("CreateRouteTable")).isEqualTo("MissingParameter");
        String vpcId = vpc("10.0.0.0/16");
        assertThat(error("CreateRouteTable", "VpcId", vpcId, "TagSpecification.1.ResourceType", "vpc",
                "TagSpecification.1.Tag.1.Key", "k", "TagSpecification.1.Tag.1.Value", "v"))
                .isEqualTo("InvalidParameterValue");
    }

    @Test
    void theMainRouteTableHasAMainAssociationWithoutSubnet() {
        String vpcId = vpc("10.0.0.0/16");
        Xml xml = ok("DescribeRouteTables", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", vpcId);

        assertThat(xml.count("/*/routeTableSet/item")).isEqualTo(1);
        String item = "/*/routeTableSet/item/associationSet/item";
        assertThat(xml.count(item)).isEqualTo(1);
        assertThat(xml.text(item + "/main")).isEqualTo("true");
        assertThat(xml.text(item + "/routeTableAssociationId")).matches("rtbassoc-[0-9a-f]{17}");
        assertThat(xml.text(item + "/routeTableId")).isEqualTo(xml.text("/*/routeTableSet/item/routeTableId"));
        assertThat(xml.text(item + "/associationState/state")).isEqualTo("associated");
        assertThat(xml.exists(item + "/subnetId")).isFalse();
        assertThat(xml.childNames("/*/routeTableSet/item")).containsExactlyInAnyOrder("routeTableId", "vpcId",
                "ownerId", "routeSet", "associationSet", "propagatingVgwSet", "tagSet");
    }

    @Test
    void associateAndDisassociateASubnet() {
        String vpcId = vpc("10.0.0.0/16");
        String subnetId = subnet(vpcId, "10.0.1.0/24");
        String rtb = routeTable(vpcId);

        Xml assoc = ok("AssociateRouteTable", "RouteTableId", rtb, "SubnetId", subnetId);
        String associationId = assoc.text("/*/associationId");
        assertThat(associationId).matches("rtbassoc-[0-9a-f]{17}");
        assertThat(assoc.text("/*/associationState/state")).isEqualTo("associated");

        assertThat(error("AssociateRouteTable", "RouteTableId", rtb, "SubnetId", subnetId))
                .isEqualTo("Resource.AlreadyAssociated");

        Xml described = ok("DescribeRouteTables", "Filter.1.Name", "association.subnet-id",
                "Filter.1.Value.1", subnetId);
        assertThat(described.texts("/*/routeTableSet/item/routeTableId")).containsExactly(rtb);
        String item = "/*/routeTableSet/item/associationSet/item";
        assertThat(described.text(item + "/main")).isEqualTo("false");
        assertThat(described.text(item + "/subnetId")).isEqualTo(subnetId);
        assertThat(described.text(item + "/routeTableAssociationId")).isEqualTo(associationId);
        assertThat(described.text(item + "/associationState/state")).isEqualTo("associated");

        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "association.route-table-association-id",
                "Filter.1.Value.1", associationId).texts("/*/routeTableSet/item/routeTableId")).containsExactly(rtb);
        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "association.route-table-id",
                "Filter.1.Value.1", rtb).texts("/*/routeTableSet/item/routeTableId")).containsExactly(rtb);

        assertThat(error("DeleteRouteTable", "RouteTableId", rtb)).isEqualTo("DependencyViolation");
        assertThat(ok("DisassociateRouteTable", "AssociationId", associationId).text("/*/return")).isEqualTo("true");
        assertThat(error("DisassociateRouteTable", "AssociationId", associationId))
                .isEqualTo("InvalidAssociationID.NotFound");
        assertThat(ok("DeleteRouteTable", "RouteTableId", rtb).text("/*/return")).isEqualTo("true");
        assertThat(error("DescribeRouteTables", "RouteTableId.1", rtb)).isEqualTo("InvalidRouteTableID.NotFound");
    }

    @Test
    void theMainAssociationCannotBeDisassociated() {
        String vpcId = vpc("10.0.0.0/16");
        String mainAssoc = ok("DescribeRouteTables", "RouteTableId.1", mainRouteTable(vpcId))
                .text("/*/routeTableSet/item/associationSet/item/routeTableAssociationId");
        assertThat(error("DisassociateRouteTable", "AssociationId", mainAssoc)).isEqualTo("InvalidParameterValue");
    }

    @Test
    void aRouteToAPendingPeeringIsABlackholeUntilAccepted() {
        String a = vpc("10.0.0.0/16");
        String b = vpc("10.1.0.0/16");
        PeeringConnection pcx = pendingPeering(a, b);
        String rtb = mainRouteTable(a);

        assertThat(ok("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.0.0/16",
                "VpcPeeringConnectionId", pcx.id()).text("/*/return")).isEqualTo("true");

        Xml xml = ok("DescribeRouteTables", "RouteTableId.1", rtb);
        String route = "/*/routeTableSet/item/routeSet/item[destinationCidrBlock='10.1.0.0/16']";
        assertThat(xml.text(route + "/vpcPeeringConnectionId")).isEqualTo(pcx.id());
        assertThat(xml.text(route + "/origin")).isEqualTo("CreateRoute");
        assertThat(xml.text(route + "/state")).isEqualTo("blackhole");
        assertThat(xml.exists(route + "/gatewayId")).isFalse();
        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "route.state", "Filter.1.Value.1", "blackhole")
                .texts("/*/routeTableSet/item/routeTableId")).containsExactly(rtb);

        cloud.peerings().accept(CALLER, pcx.id(), NOW);
        assertThat(ok("DescribeRouteTables", "RouteTableId.1", rtb).text(route + "/state")).isEqualTo("active");
        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "route.state", "Filter.1.Value.1", "blackhole")
                .count("/*/routeTableSet/item")).isZero();
        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "route.vpc-peering-connection-id",
                "Filter.1.Value.1", pcx.id()).texts("/*/routeTableSet/item/routeTableId")).containsExactly(rtb);
        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "route.destination-cidr-block",
                "Filter.1.Value.1", "10.1.0.0/16", "Filter.2.Name", "route.origin", "Filter.2.Value.1", "CreateRoute")
                .texts("/*/routeTableSet/item/routeTableId")).containsExactly(rtb);
    }

    @Test
    void createRouteRefusesDuplicatesLocalOverridesAndBadTargets() {
        String a = vpc("10.0.0.0/16");
        String b = vpc("10.1.0.0/16");
        PeeringConnection pcx = pendingPeering(a, b);
        String rtb = mainRouteTable(a);
        ok("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.0.0/16", "VpcPeeringConnectionId", pcx.id());

        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.0.0/16",
                "VpcPeeringConnectionId", pcx.id())).isEqualTo("RouteAlreadyExists");
        // Only an exact match conflicts: a more specific peer block is another route.
        ok("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.2.0/24", "VpcPeeringConnectionId", pcx.id());
        // Non-canonical input is canonicalised, so this is the same route again.
        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.2.7/24",
                "VpcPeeringConnectionId", pcx.id())).isEqualTo("RouteAlreadyExists");
        // Equal to or more specific than the local route: refused for a peering target.
        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.0.1.0/24",
                "VpcPeeringConnectionId", pcx.id())).isEqualTo("InvalidParameterValue");
        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.0.0.0/16",
                "VpcPeeringConnectionId", pcx.id())).isEqualTo("InvalidParameterValue");

        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.9.0.0/16",
                "VpcPeeringConnectionId", "pcx-0123456789abcdef0")).isEqualTo("InvalidVpcPeeringConnectionID.NotFound");
        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.9.0.0/16",
                "NatGatewayId", "nat-0123456789abcdef0")).isEqualTo("InvalidNatGatewayID.NotFound");
        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.9.0.0/16",
                "NatGatewayId", "nat-0123456789abcdef0", "VpcPeeringConnectionId", pcx.id()))
                .isEqualTo("InvalidParameterCombination");
        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.9.0.0/16"))
                .isEqualTo("MissingParameter");
        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "not-a-cidr",
                "VpcPeeringConnectionId", pcx.id())).isEqualTo("InvalidParameterValue");
        assertThat(error("CreateRoute", "RouteTableId", "rtb-0123456789abcdef0", "DestinationCidrBlock",
                "10.9.0.0/16", "VpcPeeringConnectionId", pcx.id())).isEqualTo("InvalidRouteTableID.NotFound");
        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.9.0.0/16",
                "GatewayId", "local")).isEqualTo("InvalidParameterValue");
    }

    @Test
    void theRouteQuotaIsFiftyNonLocalRoutesPerFamily() {
        String a = vpc("10.0.0.0/16");
        String b = vpc("10.1.0.0/16");
        PeeringConnection pcx = pendingPeering(a, b);
        String rtb = mainRouteTable(a);
        for (int i = 0; i < 50; i++) {
            ok("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1." + i + ".0/24",
                    "VpcPeeringConnectionId", pcx.id());
        }
        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.50.0/24",
                "VpcPeeringConnectionId", pcx.id())).isEqualTo("RouteLimitExceeded");
        assertThat(ok("DescribeRouteTables", "RouteTableId.1", rtb).count("/*/routeTableSet/item/routeSet/item"))
                .isEqualTo(51);
        // A duplicate is still reported as a duplicate, and a deleted route frees a slot.
        assertThat(error("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.0.0/24",
                "VpcPeeringConnectionId", pcx.id())).isEqualTo("RouteAlreadyExists");
        ok("DeleteRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.0.0/24");
        ok("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.50.0/24", "VpcPeeringConnectionId", pcx.id());
    }

    @Test
    void replaceAndDeleteRoutes() {
        String a = vpc("10.0.0.0/16");
        String b = vpc("10.1.0.0/16");
        PeeringConnection pcx = pendingPeering(a, b);
        String igw = ok("CreateInternetGateway").text("/*/internetGateway/internetGatewayId");
        ok("AttachInternetGateway", "InternetGatewayId", igw, "VpcId", a);
        String rtb = routeTable(a);

        assertThat(error("ReplaceRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.0.0/16",
                "VpcPeeringConnectionId", pcx.id())).isEqualTo("InvalidParameterValue");
        assertThat(error("DeleteRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.0.0/16"))
                .isEqualTo("InvalidRoute.NotFound");

        ok("CreateRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.0.0/16", "GatewayId", igw);
        String route = "/*/routeTableSet/item/routeSet/item[destinationCidrBlock='10.1.0.0/16']";
        assertThat(ok("DescribeRouteTables", "RouteTableId.1", rtb).text(route + "/gatewayId")).isEqualTo(igw);
        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "route.gateway-id", "Filter.1.Value.1", igw)
                .texts("/*/routeTableSet/item/routeTableId")).containsExactly(rtb);

        assertThat(ok("ReplaceRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.0.0/16",
                "VpcPeeringConnectionId", pcx.id()).text("/*/return")).isEqualTo("true");
        Xml replaced = ok("DescribeRouteTables", "RouteTableId.1", rtb);
        assertThat(replaced.text(route + "/vpcPeeringConnectionId")).isEqualTo(pcx.id());
        assertThat(replaced.exists(route + "/gatewayId")).isFalse();
        assertThat(replaced.text(route + "/state")).isEqualTo("blackhole");

        // The local route: only with LocalTarget, which restores it as local.
        assertThat(error("ReplaceRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.0.0.0/16",
                "VpcPeeringConnectionId", pcx.id())).isEqualTo("InvalidParameterValue");
        ok("ReplaceRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.0.0.0/16", "LocalTarget", "true");
        String local = "/*/routeTableSet/item/routeSet/item[destinationCidrBlock='10.0.0.0/16']";
        assertThat(ok("DescribeRouteTables", "RouteTableId.1", rtb).text(local + "/gatewayId")).isEqualTo("local");
        assertThat(error("DeleteRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.0.0.0/16"))
                .isEqualTo("InvalidParameterValue");

        assertThat(ok("DeleteRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.0.0/16").text("/*/return"))
                .isEqualTo("true");
        assertThat(ok("DescribeRouteTables", "RouteTableId.1", rtb).count("/*/routeTableSet/item/routeSet/item"))
                .isEqualTo(1);
        assertThat(error("DeleteRoute", "RouteTableId", rtb, "DestinationCidrBlock", "10.1.0.0/16"))
                .isEqualTo("InvalidRoute.NotFound");
    }

    @Test
    void ipv6RoutesUseTheIpv6DestinationElement() {
        String a = ok("CreateVpc", "CidrBlock", "10.0.0.0/16", "AmazonProvidedIpv6CidrBlock", "true")
                .text("/*/vpc/vpcId");
        String b = vpc("10.1.0.0/16");
        PeeringConnection pcx = pendingPeering(a, b);
        String rtb = mainRouteTable(a);
        Xml before = ok("DescribeRouteTables", "RouteTableId.1", rtb);
        assertThat(before.count("/*/routeTableSet/item/routeSet/item/destinationIpv6CidrBlock")).isEqualTo(1);

        ok("CreateRoute", "RouteTableId", rtb, "DestinationIpv6CidrBlock", "2001:db8::/32",
                "VpcPeeringConnectionId", pcx.id());
        Xml xml = ok("DescribeRouteTables", "Filter.1.Name", "route.destination-ipv6-cidr-block",
                "Filter.1.Value.1", "2001:db8::/32");
        assertThat(xml.texts("/*/routeTableSet/item/routeTableId")).containsExactly(rtb);
        String route = "/*/routeTableSet/item/routeSet/item[destinationIpv6CidrBlock='2001:db8::/32']";
        assertThat(xml.exists(route + "/destinationCidrBlock")).isFalse();
        assertThat(xml.text(route + "/state")).isEqualTo("blackhole");
        ok("DeleteRoute", "RouteTableId", rtb, "DestinationIpv6CidrBlock", "2001:db8::/32");
    }

    @Test
    void describeRouteTablesFiltersAreAndedAcrossAndOredWithin() {
        String a = vpc("10.0.0.0/16");
        String b = vpc("10.1.0.0/16");
        String c = vpc("10.2.0.0/16");
        String customA = routeTable(a);
        String customB = routeTable(b);
        routeTable(c);
        String mainA = mainRouteTable(a);
        String mainB = mainRouteTable(b);

        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", a, "Filter.1.Value.2", b)
                .texts("/*/routeTableSet/item/routeTableId"))
                .containsExactlyInAnyOrder(mainA, customA, mainB, customB);
        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", a, "Filter.1.Value.2", b,
                "Filter.2.Name", "association.main", "Filter.2.Value.1", "true")
                .texts("/*/routeTableSet/item/routeTableId")).containsExactlyInAnyOrder(mainA, mainB);
        // Tables without associations do not match association.main=false.
        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "association.main", "Filter.1.Value.1", "false")
                .count("/*/routeTableSet/item")).isZero();
        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "owner-id", "Filter.1.Value.1", ACCOUNT,
                "Filter.2.Name", "route.destination-cidr-block", "Filter.2.Value.1", "10.2.*")
                .count("/*/routeTableSet/item")).isEqualTo(2);
        assertThat(ok("DescribeRouteTables", "RouteTableId.1", customA, "RouteTableId.2", customB,
                "Filter.1.Name", "vpc-id", "Filter.1.Value.1", b).texts("/*/routeTableSet/item/routeTableId"))
                .containsExactly(customB);

        ok("CreateTags", "ResourceId.1", customA, "Tag.1.Key", "tier", "Tag.1.Value", "private");
        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "tag:tier", "Filter.1.Value.1", "private")
                .texts("/*/routeTableSet/item/routeTableId")).containsExactly(customA);
        assertThat(ok("DescribeRouteTables", "Filter.1.Name", "tag-key", "Filter.1.Value.1", "tier")
                .texts("/*/routeTableSet/item/routeTableId")).containsExactly(customA);

        assertThat(error("DescribeRouteTables", "Filter.1.Name", "no-such-filter", "Filter.1.Value.1", "x"))
                .isEqualTo("InvalidParameterValue");
    }

    @Test
    void describeRouteTablesPagesReturnEveryTableExactlyOnce() {
        List<String> expected = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            String vpcId = vpc("10." + v + ".0.0/16");
            expected.add(mainRouteTable(vpcId));
            for (int i = 0; i < 3; i++) {
                expected.add(routeTable(vpcId));
            }
        }
        List<String> all = ok("DescribeRouteTables").texts("/*/routeTableSet/item/routeTableId");
        assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ok("DescribeRouteTables").exists("/*/nextToken")).isFalse();

        List<String> paged = allPages("DescribeRouteTables", "/*/routeTableSet/item/routeTableId", 5);
        assertThat(paged).containsExactlyElementsOf(all).doesNotHaveDuplicates();
        assertThat(allPages("DescribeRouteTables", "/*/routeTableSet/item/routeTableId", 6,
                "Filter.1.Name", "association.main", "Filter.1.Value.1", "false", "Filter.2.Name", "route-table-id",
                "Filter.2.Value.1", "*")).isEmpty();

        assertThat(error("DescribeRouteTables", "MaxResults", "4")).isEqualTo("InvalidParameterValue");
        assertThat(error("DescribeRouteTables", "NextToken", "garbage!")).isEqualTo("InvalidPaginationToken");
    }

    // ---- network ACLs ----

    @Test
    void createNetworkAclReturnsACustomAclThatDeniesEverything() {
        String vpcId = vpc("10.0.0.0/16");
        Xml xml = ok("CreateNetworkAcl", "VpcId", vpcId, "TagSpecification.1.ResourceType", "network-acl",
                "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", "locked");

        String acl = "/*/networkAcl";
        assertThat(xml.text(acl + "/networkAclId")).matches("acl-[0-9a-f]{17}");
        assertThat(xml.text(acl + "/vpcId")).isEqualTo(vpcId);
        assertThat(xml.text(acl + "/default")).isEqualTo("false");
        assertThat(xml.text(acl + "/ownerId")).isEqualTo(ACCOUNT);
        assertThat(xml.count(acl + "/entrySet/item")).isEqualTo(2);
        assertThat(xml.texts(acl + "/entrySet/item/ruleNumber")).containsOnly("32767");
        assertThat(xml.texts(acl + "/entrySet/item/ruleAction")).containsOnly("deny");
        assertThat(xml.texts(acl + "/entrySet/item/protocol")).containsOnly("-1");
        assertThat(xml.texts(acl + "/entrySet/item/cidrBlock")).containsOnly("0.0.0.0/0");
        assertThat(xml.texts(acl + "/entrySet/item/egress")).containsExactlyInAnyOrder("true", "false");
        assertThat(xml.count(acl + "/associationSet/item")).isZero();
        assertThat(xml.exists(acl + "/associationSet")).isTrue();
        assertThat(xml.text(acl + "/tagSet/item[key='Name']/value")).isEqualTo("locked");
        assertThat(xml.childNames(acl)).containsExactlyInAnyOrder("networkAclId", "vpcId", "default", "ownerId",
                "entrySet", "associationSet", "tagSet");
    }

    @Test
    void theDefaultAclAllowsEverythingAndHoldsNewSubnets() {
        String vpcId = vpc("10.0.0.0/16");
        String subnetId = subnet(vpcId, "10.0.1.0/24");
        Xml xml = ok("DescribeNetworkAcls", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", vpcId);

        assertThat(xml.count("/*/networkAclSet/item")).isEqualTo(1);
        String acl = "/*/networkAclSet/item";
        assertThat(xml.text(acl + "/default")).isEqualTo("true");
        assertThat(xml.texts(acl + "/entrySet/item[egress='false']/ruleNumber")).containsExactly("100", "32767");
        assertThat(xml.texts(acl + "/entrySet/item[egress='true']/ruleNumber")).containsExactly("100", "32767");
        assertThat(xml.text(acl + "/entrySet/item[ruleNumber='100'][egress='false']/ruleAction")).isEqualTo("allow");
        assertThat(xml.text(acl + "/associationSet/item/subnetId")).isEqualTo(subnetId);
        assertThat(xml.text(acl + "/associationSet/item/networkAclId")).isEqualTo(xml.text(acl + "/networkAclId"));
        assertThat(xml.text(acl + "/associationSet/item/networkAclAssociationId")).matches("aclassoc-[0-9a-f]{17}");

        assertThat(error("DeleteNetworkAcl", "NetworkAclId", xml.text(acl + "/networkAclId")))
                .isEqualTo("InvalidParameterValue");
        assertThat(error("DescribeNetworkAcls", "NetworkAclId.1", "acl-0123456789abcdef0"))
                .isEqualTo("InvalidNetworkAclID.NotFound");
    }

    @Test
    void networkAclEntriesCarryPortsAndIcmpAndRefuseDuplicates() {
        String vpcId = vpc("10.0.0.0/16");
        String acl = ok("CreateNetworkAcl", "VpcId", vpcId).text("/*/networkAcl/networkAclId");

        assertThat(ok("CreateNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "100", "Protocol", "tcp",
                "RuleAction", "allow", "Egress", "false", "CidrBlock", "10.1.0.7/16",
                "PortRange.From", "443", "PortRange.To", "443").text("/*/return")).isEqualTo("true");
        ok("CreateNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "110", "Protocol", "1",
                "RuleAction", "deny", "Egress", "false", "CidrBlock", "0.0.0.0/0", "Icmp.Type", "8", "Icmp.Code", "-1");
        // The same number in the other direction is another rule.
        ok("CreateNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "100", "Protocol", "-1",
                "RuleAction", "allow", "Egress", "true", "CidrBlock", "0.0.0.0/0");

        assertThat(error("CreateNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "100", "Protocol", "udp",
                "RuleAction", "deny", "Egress", "false", "CidrBlock", "10.2.0.0/16",
                "PortRange.From", "53", "PortRange.To", "53")).isEqualTo("NetworkAclEntryAlreadyExists");

        Xml xml = ok("DescribeNetworkAcls", "NetworkAclId.1", acl);
        String entries = "/*/networkAclSet/item/entrySet/item";
        assertThat(xml.count(entries)).isEqualTo(5);
        String tcp = entries + "[ruleNumber='100'][egress='false']";
        assertThat(xml.text(tcp + "/protocol")).isEqualTo("6");
        assertThat(xml.text(tcp + "/ruleAction")).isEqualTo("allow");
        assertThat(xml.text(tcp + "/cidrBlock")).isEqualTo("10.1.0.0/16");
        assertThat(xml.text(tcp + "/portRange/from")).isEqualTo("443");
        assertThat(xml.text(tcp + "/portRange/to")).isEqualTo("443");
        assertThat(xml.exists(tcp + "/icmpTypeCode")).isFalse();
        String icmp = entries + "[ruleNumber='110']";
        assertThat(xml.text(icmp + "/protocol")).isEqualTo("1");
        assertThat(xml.text(icmp + "/icmpTypeCode/type")).isEqualTo("8");
        assertThat(xml.text(icmp + "/icmpTypeCode/code")).isEqualTo("-1");
        assertThat(xml.exists(icmp + "/portRange")).isFalse();
        // Evaluation order: ingress rules ascending, then egress.
        assertThat(xml.texts(entries + "[egress='false']/ruleNumber")).containsExactly("100", "110", "32767");

        assertThat(error("CreateNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "120", "Protocol", "6",
                "RuleAction", "allow", "Egress", "false", "CidrBlock", "0.0.0.0/0")).isEqualTo("MissingParameter");
        assertThat(error("CreateNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "120", "Protocol", "-1",
                "RuleAction", "maybe", "Egress", "false", "CidrBlock", "0.0.0.0/0")).isEqualTo("InvalidParameterValue");
        assertThat(error("CreateNetworkAclEntry", "NetworkAclId", "acl-0123456789abcdef0", "RuleNumber", "120",
                "Protocol", "-1", "RuleAction", "allow", "Egress", "false", "CidrBlock", "0.0.0.0/0"))
                .isEqualTo("InvalidNetworkAclID.NotFound");
    }

    @Test
    void theCatchAllDenyCannotBeCreatedReplacedOrDeleted() {
        String vpcId = vpc("10.0.0.0/16");
        String acl = defaultAcl(vpcId);
        assertThat(error("ReplaceNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "32767", "Protocol", "-1",
                "RuleAction", "allow", "Egress", "false", "CidrBlock", "0.0.0.0/0")).isEqualTo("InvalidParameterValue");
        assertThat(error("DeleteNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "32767", "Egress", "false"))
                .isEqualTo("InvalidParameterValue");
        assertThat(error("CreateNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "32767", "Protocol", "-1",
                "RuleAction", "allow", "Egress", "true", "CidrBlock", "0.0.0.0/0")).isEqualTo("InvalidParameterValue");
        assertThat(error("CreateNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "0", "Protocol", "-1",
                "RuleAction", "allow", "Egress", "true", "CidrBlock", "0.0.0.0/0")).isEqualTo("InvalidParameterValue");
        assertThat(ok("DescribeNetworkAcls", "NetworkAclId.1", acl)
                .text("/*/networkAclSet/item/entrySet/item[ruleNumber='32767'][egress='false']/ruleAction"))
                .isEqualTo("deny");
    }

    @Test
    void replaceAndDeleteNetworkAclEntries() {
        String vpcId = vpc("10.0.0.0/16");
        String acl = defaultAcl(vpcId);
        assertThat(ok("ReplaceNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "100", "Protocol", "udp",
                "RuleAction", "deny", "Egress", "false", "CidrBlock", "10.9.0.0/16",
                "PortRange.From", "1024", "PortRange.To", "65535").text("/*/return")).isEqualTo("true");
        String rule = "/*/networkAclSet/item/entrySet/item[ruleNumber='100'][egress='false']";
        Xml xml = ok("DescribeNetworkAcls", "NetworkAclId.1", acl);
        assertThat(xml.text(rule + "/protocol")).isEqualTo("17");
        assertThat(xml.text(rule + "/ruleAction")).isEqualTo("deny");
        assertThat(xml.text(rule + "/portRange/from")).isEqualTo("1024");
        assertThat(xml.text(rule + "/portRange/to")).isEqualTo("65535");
        // The egress rule 100 is untouched.
        assertThat(xml.text("/*/networkAclSet/item/entrySet/item[ruleNumber='100'][egress='true']/ruleAction"))
                .isEqualTo("allow");

        assertThat(error("ReplaceNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "200", "Protocol", "-1",
                "RuleAction", "allow", "Egress", "false", "CidrBlock", "0.0.0.0/0"))
                .isEqualTo("InvalidNetworkAclEntry.NotFound");
        assertThat(ok("DeleteNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "100", "Egress", "false")
                .text("/*/return")).isEqualTo("true");
        assertThat(error("DeleteNetworkAclEntry", "NetworkAclId", acl, "RuleNumber", "100", "Egress", "false"))
                .isEqualTo("InvalidNetworkAclEntry.NotFound");
        assertThat(ok("DescribeNetworkAcls", "NetworkAclId.1", acl).texts(
                "/*/networkAclSet/item/entrySet/item[egress='false']/ruleNumber")).containsExactly("32767");
    }

    @Test
    void replaceNetworkAclAssociationMovesTheSubnetWithANewAssociationId() {
        String vpcId = vpc("10.0.0.0/16");
        String subnetId = subnet(vpcId, "10.0.1.0/24");
        String defaultAcl = defaultAcl(vpcId);
        String custom = ok("CreateNetworkAcl", "VpcId", vpcId).text("/*/networkAcl/networkAclId");
        String oldAssoc = ok("DescribeNetworkAcls", "Filter.1.Name", "association.subnet-id",
                "Filter.1.Value.1", subnetId).text("/*/networkAclSet/item/associationSet/item/networkAclAssociationId");

        String newAssoc = ok("ReplaceNetworkAclAssociation", "AssociationId", oldAssoc, "NetworkAclId", custom)
                .text("/*/newAssociationId");
        assertThat(newAssoc).matches("aclassoc-[0-9a-f]{17}").isNotEqualTo(oldAssoc);

        Xml xml = ok("DescribeNetworkAcls", "Filter.1.Name", "association.subnet-id", "Filter.1.Value.1", subnetId);
        assertThat(xml.texts("/*/networkAclSet/item/networkAclId")).containsExactly(custom);
        assertThat(xml.text("/*/networkAclSet/item/associationSet/item/networkAclAssociationId")).isEqualTo(newAssoc);
        assertThat(ok("DescribeNetworkAcls", "NetworkAclId.1", defaultAcl).count(
                "/*/networkAclSet/item/associationSet/item")).isZero();
        assertThat(ok("DescribeNetworkAcls", "Filter.1.Name", "association.association-id", "Filter.1.Value.1",
                newAssoc).texts("/*/networkAclSet/item/networkAclId")).containsExactly(custom);
        assertThat(ok("DescribeNetworkAcls", "Filter.1.Name", "association.network-acl-id", "Filter.1.Value.1",
                custom).texts("/*/networkAclSet/item/networkAclId")).containsExactly(custom);

        assertThat(error("ReplaceNetworkAclAssociation", "AssociationId", oldAssoc, "NetworkAclId", defaultAcl))
                .isEqualTo("InvalidAssociationID.NotFound");
        assertThat(error("DeleteNetworkAcl", "NetworkAclId", custom)).isEqualTo("DependencyViolation");
        ok("ReplaceNetworkAclAssociation", "AssociationId", newAssoc, "NetworkAclId", defaultAcl);
        assertThat(ok("DeleteNetworkAcl", "NetworkAclId", custom).text("/*/return")).isEqualTo("true");
        assertThat(error("DeleteNetworkAcl", "NetworkAclId", custom)).isEqualTo("InvalidNetworkAclID.NotFound");
    }

    @Test
    void describeNetworkAclsFiltersAreAndedAcrossAndOredWithin() {
        String a = vpc("10.0.0.0/16");
        String b = vpc("10.1.0.0/16");
        String webA = ok("CreateNetworkAcl", "VpcId", a).text("/*/networkAcl/networkAclId");
        String dnsB = ok("CreateNetworkAcl", "VpcId", b).text("/*/networkAcl/networkAclId");
        ok("CreateNetworkAclEntry", "NetworkAclId", webA, "RuleNumber", "100", "Protocol", "tcp",
                "RuleAction", "allow", "Egress", "false", "CidrBlock", "0.0.0.0/0",
                "PortRange.From", "443", "PortRange.To", "443");
        ok("CreateNetworkAclEntry", "NetworkAclId", dnsB, "RuleNumber", "100", "Protocol", "udp",
                "RuleAction", "allow", "Egress", "true", "CidrBlock", "10.0.0.0/16",
                "PortRange.From", "53", "PortRange.To", "53");

        assertThat(ok("DescribeNetworkAcls", "Filter.1.Name", "entry.protocol", "Filter.1.Value.1", "tcp",
                "Filter.1.Value.2", "17").texts("/*/networkAclSet/item/networkAclId"))
                .containsExactlyInAnyOrder(webA, dnsB);
        assertThat(ok("DescribeNetworkAcls", "Filter.1.Name", "entry.protocol", "Filter.1.Value.1", "tcp",
                "Filter.1.Value.2", "17", "Filter.2.Name", "vpc-id", "Filter.2.Value.1", b)
                .texts("/*/networkAclSet/item/networkAclId")).containsExactly(dnsB);
        assertThat(ok("DescribeNetworkAcls", "Filter.1.Name", "entry.port-range.from", "Filter.1.Value.1", "443")
                .texts("/*/networkAclSet/item/networkAclId")).containsExactly(webA);
        assertThat(ok("DescribeNetworkAcls", "Filter.1.Name", "entry.port-range.to", "Filter.1.Value.1", "53",
                "Filter.2.Name", "entry.cidr", "Filter.2.Value.1", "10.0.0.0/16")
                .texts("/*/networkAclSet/item/networkAclId")).containsExactly(dnsB);
        assertThat(ok("DescribeNetworkAcls", "Filter.1.Name", "default", "Filter.1.Value.1", "false",
                "Filter.2.Name", "entry.rule-number", "Filter.2.Value.1", "100",
                "Filter.3.Name", "entry.rule-action", "Filter.3.Value.1", "allow",
                "Filter.4.Name", "entry.egress", "Filter.4.Value.1", "true")
                .texts("/*/networkAclSet/item/networkAclId")).containsExactlyInAnyOrder(webA, dnsB);
        // As on AWS, each entry.* filter may be met by a different entry (webA's egress entry is its 32767 deny);
        // one more filter narrows it down.
        assertThat(ok("DescribeNetworkAcls", "Filter.1.Name", "default", "Filter.1.Value.1", "false",
                "Filter.2.Name", "entry.rule-number", "Filter.2.Value.1", "100",
                "Filter.3.Name", "entry.egress", "Filter.3.Value.1", "true",
                "Filter.4.Name", "entry.protocol", "Filter.4.Value.1", "udp")
                .texts("/*/networkAclSet/item/networkAclId")).containsExactly(dnsB);
        assertThat(ok("DescribeNetworkAcls", "Filter.1.Name", "default", "Filter.1.Value.1", "true",
                "Filter.2.Name", "owner-id", "Filter.2.Value.1", ACCOUNT)
                .texts("/*/networkAclSet/item/networkAclId")).containsExactlyInAnyOrder(defaultAcl(a), defaultAcl(b));
        assertThat(ok("DescribeNetworkAcls", "Filter.1.Name", "network-acl-id", "Filter.1.Value.1", webA,
                "Filter.2.Name", "vpc-id", "Filter.2.Value.1", b).count("/*/networkAclSet/item")).isZero();
    }

    @Test
    void describeNetworkAclsPagesReturnEveryAclExactlyOnce() {
        List<String> expected = new ArrayList<>();
        for (int v = 0; v < 2; v++) {
            String vpcId = vpc("10." + v + ".0.0/16");
            expected.add(defaultAcl(vpcId));
            for (int i = 0; i < 5; i++) {
                expected.add(ok("CreateNetworkAcl", "VpcId", vpcId).text("/*/networkAcl/networkAclId"));
            }
        }
        List<String> paged = allPages("DescribeNetworkAcls", "/*/networkAclSet/item/networkAclId", 5);
        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(allPages("DescribeNetworkAcls", "/*/networkAclSet/item/networkAclId", 5,
                "Filter.1.Name", "default", "Filter.1.Value.1", "false")).hasSize(10).doesNotHaveDuplicates();
    }

    // ---- tags ----

    @Test
    void createDescribeAndDeleteTagsAcrossResourceTypes() {
        String a = vpc("10.0.0.0/16");
        String b = vpc("10.1.0.0/16");
        String subnetId = subnet(a, "10.0.1.0/24");
        String rtb = routeTable(a);
        String acl = defaultAcl(a);
        PeeringConnection pcx = pendingPeering(a, b);

        assertThat(ok("CreateTags", "ResourceId.1", a, "ResourceId.2", subnetId, "ResourceId.3", rtb,
                "ResourceId.4", acl, "ResourceId.5", pcx.id(), "Tag.1.Key", "env", "Tag.1.Value", "prod",
                "Tag.2.Key", "empty").text("/*/return")).isEqualTo("true");

        Xml all = ok("DescribeTags");
        assertThat(all.count("/*/tagSet/item")).isEqualTo(10);
        assertThat(all.text("/*/tagSet/item[resourceId='" + pcx.id() + "'][key='env']/resourceType"))
                .isEqualTo("vpc-peering-connection");
        assertThat(all.text("/*/tagSet/item[resourceId='" + rtb + "'][key='env']/value")).isEqualTo("prod");
        assertThat(all.text("/*/tagSet/item[resourceId='" + rtb + "'][key='empty']/value")).isEmpty();
        assertThat(all.exists("/*/tagSet/item[resourceId='" + rtb + "'][key='empty']/value")).isTrue();
        assertThat(all.childNames("/*/tagSet/item")).containsExactlyInAnyOrder("resourceId", "resourceType",
                "key", "value");

        assertThat(ok("DescribeTags", "Filter.1.Name", "resource-type", "Filter.1.Value.1", "route-table",
                "Filter.1.Value.2", "network-acl", "Filter.2.Name", "key", "Filter.2.Value.1", "env")
                .texts("/*/tagSet/item/resourceId")).containsExactlyInAnyOrder(rtb, acl);
        assertThat(ok("DescribeTags", "Filter.1.Name", "resource-id", "Filter.1.Value.1", subnetId)
                .texts("/*/tagSet/item/key")).containsExactlyInAnyOrder("env", "empty");
        assertThat(ok("DescribeTags", "Filter.1.Name", "value", "Filter.1.Value.1", "pr*")
                .count("/*/tagSet/item")).isEqualTo(5);
        assertThat(ok("DescribeTags", "Filter.1.Name", "resource-type", "Filter.1.Value.1", "vpc")
                .texts("/*/tagSet/item/resourceType")).containsOnly("vpc").hasSize(2);

        // DeleteTags: a value that does not match keeps the tag; a key alone removes it.
        ok("DeleteTags", "ResourceId.1", rtb, "Tag.1.Key", "env", "Tag.1.Value", "dev");
        assertThat(ok("DescribeTags", "Filter.1.Name", "resource-id", "Filter.1.Value.1", rtb)
                .texts("/*/tagSet/item/key")).containsExactlyInAnyOrder("env", "empty");
        ok("DeleteTags", "ResourceId.1", rtb, "ResourceId.2", pcx.id(), "Tag.1.Key", "env");
        assertThat(ok("DescribeTags", "Filter.1.Name", "resource-id", "Filter.1.Value.1", rtb, "Filter.1.Value.2",
                pcx.id()).texts("/*/tagSet/item/key")).containsExactly("empty", "empty");
        ok("DeleteTags", "ResourceId.1", rtb);
        assertThat(ok("DescribeRouteTables", "RouteTableId.1", rtb).count("/*/routeTableSet/item/tagSet/item"))
                .isZero();

        assertThat(error("CreateTags", "ResourceId.1", "rtb-0123456789abcdef0", "Tag.1.Key", "k", "Tag.1.Value", "v"))
                .isEqualTo("InvalidRouteTableID.NotFound");
        assertThat(error("CreateTags", "ResourceId.1", a)).isEqualTo("MissingParameter");
        assertThat(error("CreateTags", "Tag.1.Key", "k")).isEqualTo("MissingParameter");
        assertThat(error("CreateTags", "ResourceId.1", a, "Tag.1.Key", "aws:reserved", "Tag.1.Value", "v"))
                .isEqualTo("InvalidParameterValue");
        // All or nothing: one unknown id tags nothing.
        error("CreateTags", "ResourceId.1", a, "ResourceId.2", "acl-0123456789abcdef0", "Tag.1.Key", "k",
                "Tag.1.Value", "v");
        assertThat(ok("DescribeTags", "Filter.1.Name", "key", "Filter.1.Value.1", "k").count("/*/tagSet/item"))
                .isZero();
        assertThat(error("DescribeTags", "Filter.1.Name", "bogus", "Filter.1.Value.1", "x"))
                .isEqualTo("InvalidParameterValue");
    }

    @Test
    void describeTagsPagesReturnEveryTagExactlyOnce() {
        List<String> expected = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            String vpcId = vpc("10." + v + ".0.0/16");
            String rtb = routeTable(vpcId);
            for (String id : List.of(vpcId, rtb)) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("ResourceId.1", id);
                for (int t = 1; t <= 3; t++) {
                    params.put("Tag." + t + ".Key", "k" + t);
                    params.put("Tag." + t + ".Value", "v" + t);
                    expected.add(id + "/k" + t);
                }
                ok("CreateTags", params);
            }
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("MaxResults", "5");
            if (token != null) {
                params.put("NextToken", token);
            }
            Xml page = ok("DescribeTags", params);
            int n = page.count("/*/tagSet/item");
            assertThat(n).isBetween(1, 5);
            for (int i = 1; i <= n; i++) {
                seen.add(page.text("/*/tagSet/item[" + i + "]/resourceId") + "/" + page.text("/*/tagSet/item[" + i + "]/key"));
            }
            token = page.text("/*/nextToken");
            token = token.isEmpty() ? null : token;
        } while (token != null);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anotherAccountSeesNeitherTheTablesNorTheirTags() {
        String vpcId = vpc("10.0.0.0/16");
        String rtb = routeTable(vpcId);
        ok("CreateTags", "ResourceId.1", rtb, "Tag.1.Key", "k", "Tag.1.Value", "v");
        Caller other = new Caller("222222222222", "us-east-1");
        Ec2Service.Ec2Reply tables = api.run(api.find("DescribeRouteTables"), other, NOW, Map.of(), cloud);
        assertThat(Xml.parse(tables.xml()).count("/*/routeTableSet/item")).isZero();
        Ec2Service.Ec2Reply tags = api.run(api.find("DescribeTags"), other, NOW, Map.of(), cloud);
        assertThat(Xml.parse(tags.xml()).count("/*/tagSet/item")).isZero();
        Ec2Service.Ec2Reply create = api.run(api.find("CreateRoute"), other, NOW, Map.of("RouteTableId", rtb,
                "DestinationCidrBlock", "10.9.0.0/16", "GatewayId", "igw-0123456789abcdef0"), cloud);
        assertThat(Xml.parse(create.xml()).text("/Response/Errors/Error/Code")).isEqualTo("InvalidRouteTableID.NotFound");
    }

    // ---- the real client ----

    /** The AWS SDK for Java v2 parses these replies into its model: every element name is the model's. */
    @Test
    void theAwsSdkParsesRouteTablesAclsAndTags() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = new HashMap<>();
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            String action = params.remove("Action");
            params.remove("Version");
            Action a = api.find(action);
            Ec2Service.Ec2Reply reply;
            synchronized (cloud) {
                reply = a == null ? Ec2Api.unknownAction(action) : api.run(a, CALLER, NOW, params, cloud);
            }
            byte[] bytes = reply.xml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try (Ec2Client ec2 = Ec2Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCOUNT, "x")))
                .build()) {
            String a = ec2.createVpc(b -> b.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            String b = ec2.createVpc(x -> x.cidrBlock("10.1.0.0/16")).vpc().vpcId();
            String subnetId = ec2.createSubnet(x -> x.vpcId(a).cidrBlock("10.0.1.0/24")).subnet().subnetId();
            PeeringConnection pcx;
            synchronized (cloud) {
                pcx = pendingPeering(a, b);
            }

            RouteTable created = ec2.createRouteTable(x -> x.vpcId(a)).routeTable();
            assertThat(created.routes()).singleElement().satisfies(r -> {
                assertThat(r.destinationCidrBlock()).isEqualTo("10.0.0.0/16");
                assertThat(r.gatewayId()).isEqualTo("local");
                assertThat(r.originAsString()).isEqualTo("CreateRouteTable");
                assertThat(r.stateAsString()).isEqualTo("active");
            });
            var assoc = ec2.associateRouteTable(x -> x.routeTableId(created.routeTableId()).subnetId(subnetId));
            assertThat(assoc.associationId()).startsWith("rtbassoc-");
            assertThat(assoc.associationState().stateAsString()).isEqualTo("associated");
            assertThat(ec2.createRoute(x -> x.routeTableId(created.routeTableId()).destinationCidrBlock("10.1.0.0/16")
                    .vpcPeeringConnectionId(pcx.id())).returnValue()).isTrue();

            RouteTable described = ec2.describeRouteTables(x -> x.routeTableIds(created.routeTableId()))
                    .routeTables().get(0);
            assertThat(described.vpcId()).isEqualTo(a);
            assertThat(described.ownerId()).isEqualTo(ACCOUNT);
            assertThat(described.routes()).hasSize(2);
            assertThat(described.routes().get(1).vpcPeeringConnectionId()).isEqualTo(pcx.id());
            assertThat(described.routes().get(1).stateAsString()).isEqualTo("blackhole");
            assertThat(described.associations()).singleElement().satisfies(x -> {
                assertThat(x.main()).isFalse();
                assertThat(x.subnetId()).isEqualTo(subnetId);
                assertThat(x.routeTableAssociationId()).isEqualTo(assoc.associationId());
                assertThat(x.associationState().stateAsString()).isEqualTo("associated");
            });
            assertThat(described.hasPropagatingVgws()).isTrue();
            assertThat(ec2.describeRouteTablesPaginator(x -> x.maxResults(5)).routeTables().stream().count())
                    .isEqualTo(3);

            Ec2Exception duplicate = (Ec2Exception) org.assertj.core.api.Assertions.catchThrowable(() ->
                    ec2.createRoute(x -> x.routeTableId(created.routeTableId()).destinationCidrBlock("10.1.0.0/16")
                            .vpcPeeringConnectionId(pcx.id())));
            assertThat(duplicate.awsErrorDetails().errorCode()).isEqualTo("RouteAlreadyExists");
            assertThat(duplicate.statusCode()).isEqualTo(400);

            NetworkAcl acl = ec2.createNetworkAcl(x -> x.vpcId(a)).networkAcl();
            assertThat(acl.isDefault()).isFalse();
            assertThat(acl.entries()).hasSize(2).allSatisfy(e -> {
                assertThat(e.ruleNumber()).isEqualTo(32767);
                assertThat(e.ruleAction()).isEqualTo(RuleAction.DENY);
            });
            ec2.createNetworkAclEntry(x -> x.networkAclId(acl.networkAclId()).ruleNumber(100).protocol("6")
                    .ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("10.1.0.0/16")
                    .portRange(p -> p.from(443).to(443)));
            ec2.createNetworkAclEntry(x -> x.networkAclId(acl.networkAclId()).ruleNumber(110).protocol("1")
                    .ruleAction(RuleAction.ALLOW).egress(true).cidrBlock("10.1.0.0/16")
                    .icmpTypeCode(i -> i.type(0).code(-1)));
            String aclAssoc = ec2.describeNetworkAcls(x -> x.filters(f -> f.name("association.subnet-id")
                    .values(subnetId))).networkAcls().get(0).associations().get(0).networkAclAssociationId();
            String newAssoc = ec2.replaceNetworkAclAssociation(x -> x.associationId(aclAssoc)
                    .networkAclId(acl.networkAclId())).newAssociationId();
            assertThat(newAssoc).startsWith("aclassoc-");

            NetworkAcl custom = ec2.describeNetworkAcls(x -> x.networkAclIds(acl.networkAclId())).networkAcls().get(0);
            assertThat(custom.isDefault()).isFalse();
            assertThat(custom.vpcId()).isEqualTo(a);
            assertThat(custom.ownerId()).isEqualTo(ACCOUNT);
            NetworkAclEntry tcp = custom.entries().stream().filter(e -> e.ruleNumber() == 100).findFirst().orElseThrow();
            assertThat(tcp.protocol()).isEqualTo("6");
            assertThat(tcp.egress()).isFalse();
            assertThat(tcp.cidrBlock()).isEqualTo("10.1.0.0/16");
            assertThat(tcp.portRange().from()).isEqualTo(443);
            assertThat(tcp.portRange().to()).isEqualTo(443);
            NetworkAclEntry icmp = custom.entries().stream().filter(e -> e.ruleNumber() == 110).findFirst().orElseThrow();
            assertThat(icmp.icmpTypeCode().type()).isZero();
            assertThat(icmp.icmpTypeCode().code()).isEqualTo(-1);
            assertThat(icmp.egress()).isTrue();
            assertThat(custom.associations()).singleElement().satisfies(x -> {
                assertThat(x.networkAclAssociationId()).isEqualTo(newAssoc);
                assertThat(x.subnetId()).isEqualTo(subnetId);
                assertThat(x.networkAclId()).isEqualTo(acl.networkAclId());
            });
            assertThat(ec2.describeNetworkAcls(x -> x.filters(f -> f.name("default").values("true")))
                    .networkAcls()).hasSize(2).allSatisfy(n -> assertThat(n.isDefault()).isTrue());
            assertThatThrownBy(() -> ec2.replaceNetworkAclEntry(x -> x.networkAclId(acl.networkAclId())
                    .ruleNumber(32767).protocol("-1").ruleAction(RuleAction.ALLOW).egress(false).cidrBlock("0.0.0.0/0")))
                    .isInstanceOf(Ec2Exception.class);

            ec2.createTags(x -> x.resources(created.routeTableId(), acl.networkAclId(), pcx.id())
                    .tags(t -> t.key("Name").value("n1")));
            List<TagDescription> tags = ec2.describeTagsPaginator(x -> x.maxResults(5)
                    .filters(f -> f.name("key").values("Name"))).tags().stream().toList();
            assertThat(tags).extracting(TagDescription::resourceId)
                    .containsExactlyInAnyOrder(created.routeTableId(), acl.networkAclId(), pcx.id());
            assertThat(tags).extracting(TagDescription::resourceTypeAsString)
                    .containsExactlyInAnyOrder("route-table", "network-acl", "vpc-peering-connection");
            assertThat(tags).extracting(TagDescription::value).containsOnly("n1");
            ec2.deleteTags(x -> x.resources(created.routeTableId()).tags(t -> t.key("Name")));
            assertThat(ec2.describeRouteTables(x -> x.routeTableIds(created.routeTableId())).routeTables().get(0)
                    .tags()).isEmpty();
        } finally {
            server.stop(0);
        }
    }
}

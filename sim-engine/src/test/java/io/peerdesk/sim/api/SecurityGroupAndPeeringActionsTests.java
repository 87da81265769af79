package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeStaleSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcPeeringConnectionsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ModifyVpcPeeringConnectionOptionsResponse;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionStateReasonCode;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives the security-group and peering actions through {@link Ec2Api} as the HTTP layer does,
 * reading replies with the JDK's DOM/XPath, and checks that the AWS SDK for Java v2 parses them.
 */
class SecurityGroupAndPeeringActionsTests {

    static final Caller A = new Caller("111111111111", "us-east-1");
    static final Caller B = new Caller("222222222222", "us-east-1");
    static final Caller A_WEST = new Caller("111111111111", "us-west-2");

    final Ec2Api api = new Ec2Api();
    final Cloud cloud = new Cloud();
    Instant now = Instant.parse("2024-05-01T10:00:00Z");

    // ---- helpers ----

    Ec2Service.Ec2Reply call(Caller caller, String action, Map<String, String> params) {
        Action a = api.find(action);
        assertThat(a).as("action %s is registered", action).isNotNull();
        return api.run(a, caller, now, params, cloud);
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    Xml ok(Caller caller, String action, String... kv) {
        Ec2Service.Ec2Reply reply = call(caller, action, params(kv));
        assertThat(reply.status()).as(action + " → " + reply.xml()).isEqualTo(200);
        return Xml.parse(reply.xml());
    }

    /** Asserts a refusal and returns its error code. */
    String error(Caller caller, String action, String... kv) {
        Ec2Service.Ec2Reply reply = call(caller, action, params(kv));
        assertThat(reply.status()).as(action + " → " + reply.xml()).isEqualTo(400);
        return Xml.parse(reply.xml()).text("/Response/Errors/Error/Code");
    }

    String errorMessage(Caller caller, String action, String... kv) {
        Ec2Service.Ec2Reply reply = call(caller, action, params(kv));
        assertThat(reply.status()).isGreaterThanOrEqualTo(400);
        return Xml.parse(reply.xml()).text("/Response/Errors/Error/Message");
    }

    String vpc(Caller caller, String cidr) {
        return ok(caller, "CreateVpc", "CidrBlock", cidr).text("/CreateVpcResponse/vpc/vpcId");
    }

    String group(Caller caller, String vpcId, String name) {
        return ok(caller, "CreateSecurityGroup", "VpcId", vpcId, "GroupName", name, "GroupDescription", name + " sg")
                .text("/CreateSecurityGroupResponse/groupId");
    }

    String peer(Caller caller, String vpcId, String peerVpcId, Caller peerCaller) {
        return ok(caller, "CreateVpcPeeringConnection", "VpcId", vpcId, "PeerVpcId", peerVpcId,
                "PeerOwnerId", peerCaller.accountId(), "PeerRegion", peerCaller.region())
                .text("//vpcPeeringConnection/vpcPeeringConnectionId");
    }

    /** A cross-account pair: A's 10.0.0.0/16 and B's 10.1.0.0/16, peered and active. */
    record Pair(String vpcA, String vpcB, String pcx) {
    }

    Pair activePair() {
        String a = vpc(A, "10.0.0.0/16");
        String b = vpc(B, "10.1.0.0/16");
        String pcx = peer(A, a, b, B);
        ok(B, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
        return new Pair(a, b, pcx);
    }

    record Xml(Document doc) {
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
                return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.STRING);
            } catch (Exception e) {
                throw new AssertionError(xpath, e);
            }
        }

        int count(String xpath) {
            try {
                return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET))
                        .getLength();
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
    }

    // ---- peering ----

    @Nested
    class Peering {

        @Test
        void crossAccountLifecycle() {
            String a = vpc(A, "10.0.0.0/16");
            String b = vpc(B, "10.1.0.0/16");

            Xml created = ok(A, "CreateVpcPeeringConnection", "VpcId", a, "PeerVpcId", b, "PeerOwnerId",
                    B.accountId(), "TagSpecification.1.ResourceType", "vpc-peering-connection",
                    "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", "a-to-b");
            String p = "/CreateVpcPeeringConnectionResponse/vpcPeeringConnection";
            String pcx = created.text(p + "/vpcPeeringConnectionId");
            assertThat(pcx).matches("pcx-[0-9a-f]{17}");
            assertThat(created.text(p + "/status/code")).isEqualTo("initiating-request");
            assertThat(created.text(p + "/status/message")).isEqualTo("Initiating Request to 222222222222");
            assertThat(created.text(p + "/expirationTime")).isEqualTo("2024-05-08T10:00:00.000Z");
            assertThat(created.text(p + "/requesterVpcInfo/cidrBlock")).isEqualTo("10.0.0.0/16");
            assertThat(created.text(p + "/requesterVpcInfo/ownerId")).isEqualTo("111111111111");
            assertThat(created.text(p + "/requesterVpcInfo/region")).isEqualTo("us-east-1");
            assertThat(created.count(p + "/accepterVpcInfo/cidrBlock")).isZero();
            assertThat(created.text(p + "/tagSet/item[key='Name']/value")).isEqualTo("a-to-b");

            // both sides see it pending; the accepter's details stay hidden until it is active
            for (Caller side : List.of(A, B)) {
                Xml d = ok(side, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx);
                String item = "/DescribeVpcPeeringConnectionsResponse/vpcPeeringConnectionSet/item";
                assertThat(d.count(item)).isEqualTo(1);
                assertThat(d.text(item + "/status/code")).isEqualTo("pending-acceptance");
                assertThat(d.text(item + "/status/message")).isEqualTo("Pending Acceptance by 222222222222");
                assertThat(d.text(item + "/expirationTime")).isEqualTo("2024-05-08T10:00:00.000Z");
                assertThat(d.text(item + "/requesterVpcInfo/cidrBlock")).isEqualTo("10.0.0.0/16");
                assertThat(d.texts(item + "/requesterVpcInfo/cidrBlockSet/item/cidrBlock")).containsExactly("10.0.0.0/16");
                assertThat(d.text(item + "/requesterVpcInfo/peeringOptions/allowDnsResolutionFromRemoteVpc"))
                        .isEqualTo("false");
                assertThat(d.count(item + "/accepterVpcInfo/*")).isEqualTo(3);
                assertThat(d.text(item + "/accepterVpcInfo/ownerId")).isEqualTo("222222222222");
                assertThat(d.text(item + "/accepterVpcInfo/vpcId")).isEqualTo(b);
                assertThat(d.text(item + "/accepterVpcInfo/region")).isEqualTo("us-east-1");
                // tags belong to the account that set them
                assertThat(d.count(item + "/tagSet/item")).isEqualTo(side == A ? 1 : 0);
            }

            // only the accepter accepts
            assertThat(error(A, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx))
                    .isEqualTo("OperationNotPermitted");
            now = now.plusSeconds(60);
            Xml accepted = ok(B, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
            String ap = "/AcceptVpcPeeringConnectionResponse/vpcPeeringConnection";
            assertThat(accepted.text(ap + "/status/code")).isEqualTo("active");
            assertThat(accepted.text(ap + "/status/message")).isEqualTo("Active");
            assertThat(accepted.text(ap + "/accepterVpcInfo/cidrBlock")).isEqualTo("10.1.0.0/16");
            assertThat(accepted.count(ap + "/expirationTime")).isZero();

            Xml active = ok(A, "DescribeVpcPeeringConnections", "Filter.1.Name", "status-code",
                    "Filter.1.Value.1", "active", "Filter.2.Name", "accepter-vpc-info.cidr-block",
                    "Filter.2.Value.1", "10.1.*");
            String item = "/DescribeVpcPeeringConnectionsResponse/vpcPeeringConnectionSet/item";
            assertThat(active.texts(item + "/vpcPeeringConnectionId")).containsExactly(pcx);
            assertThat(active.text(item + "/accepterVpcInfo/cidrBlockSet/item/cidrBlock")).isEqualTo("10.1.0.0/16");
            assertThat(active.text(item + "/accepterVpcInfo/peeringOptions/allowDnsResolutionFromRemoteVpc"))
                    .isEqualTo("false");
            assertThat(ok(A, "DescribeVpcPeeringConnections", "Filter.1.Name", "status-code",
                    "Filter.1.Value.1", "pending-acceptance").count(item)).isZero();
            assertThat(ok(A, "DescribeVpcPeeringConnections", "Filter.1.Name", "tag:Name",
                    "Filter.1.Value.1", "a-to-*").count(item)).isEqualTo(1);

            // options: each side its own, and DNS needs DNS hostnames on both VPCs
            assertThat(error(A, "ModifyVpcPeeringConnectionOptions", "VpcPeeringConnectionId", pcx,
                    "RequesterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc", "true"))
                    .isEqualTo("InvalidVpcPeeringConnectionState.DnsHostnamesDisabled");
            ok(A, "ModifyVpcAttribute", "VpcId", a, "EnableDnsHostnames.Value", "true");
            ok(B, "ModifyVpcAttribute", "VpcId", b, "EnableDnsHostnames.Value", "true");
            Xml modified = ok(A, "ModifyVpcPeeringConnectionOptions", "VpcPeeringConnectionId", pcx,
                    "RequesterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc", "true");
            String mp = "/ModifyVpcPeeringConnectionOptionsResponse/requesterPeeringConnectionOptions";
            assertThat(modified.text(mp + "/allowDnsResolutionFromRemoteVpc")).isEqualTo("true");
            assertThat(modified.text(mp + "/allowEgressFromLocalClassicLinkToRemoteVpc")).isEqualTo("false");
            assertThat(modified.text(mp + "/allowEgressFromLocalVpcToRemoteClassicLink")).isEqualTo("false");
            assertThat(error(A, "ModifyVpcPeeringConnectionOptions", "VpcPeeringConnectionId", pcx,
                    "AccepterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc", "true"))
                    .isEqualTo("OperationNotPermitted");
            assertThat(error(B, "ModifyVpcPeeringConnectionOptions", "VpcPeeringConnectionId", pcx,
                    "RequesterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc", "false"))
                    .isEqualTo("OperationNotPermitted");
            Xml afterModify = ok(B, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx);
            assertThat(afterModify.text(item + "/requesterVpcInfo/peeringOptions/allowDnsResolutionFromRemoteVpc"))
                    .isEqualTo("true");
            assertThat(afterModify.text(item + "/accepterVpcInfo/peeringOptions/allowDnsResolutionFromRemoteVpc"))
                    .isEqualTo("false");

            // an active connection cannot be rejected; either owner may delete it
            assertThat(error(B, "RejectVpcPeeringConnection", "VpcPeeringConnectionId", pcx))
                    .isEqualTo("InvalidStateTransition");
            assertThat(ok(B, "DeleteVpcPeeringConnection", "VpcPeeringConnectionId", pcx)
                    .text("/DeleteVpcPeeringConnectionResponse/return")).isEqualTo("true");
            Xml deleted = ok(A, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx);
            assertThat(deleted.text(item + "/status/code")).isEqualTo("deleted");
            assertThat(deleted.text(item + "/status/message")).isEqualTo("Deleted by 222222222222");
            assertThat(error(A, "DeleteVpcPeeringConnection", "VpcPeeringConnectionId", pcx))
                    .isEqualTo("InvalidStateTransition");
        }

        @Test
        void describeByIdShowsOnlyTheCallersConnections() {
            String a = vpc(A, "10.0.0.0/16");
            String b = vpc(B, "10.1.0.0/16");
            String pcx = ok(A, "CreateVpcPeeringConnection", "VpcId", a, "PeerVpcId", b, "PeerOwnerId", B.accountId())
                    .text("/CreateVpcPeeringConnectionResponse/vpcPeeringConnection/vpcPeeringConnectionId");
            Caller third = new Caller("333333333333", "us-east-1");
            String item = "/DescribeVpcPeeringConnectionsResponse/vpcPeeringConnectionSet/item";

            assertThat(error(third, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx))
                    .isEqualTo("InvalidVpcPeeringConnectionID.NotFound");
            assertThat(error(A_WEST, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx))
                    .as("another region of the requester's account").isEqualTo("InvalidVpcPeeringConnectionID.NotFound");
            assertThat(ok(B, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx,
                    "VpcPeeringConnectionId.2", pcx).count(item)).as("an id given twice").isEqualTo(1);
            assertThat(error(B, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx,
                    "VpcPeeringConnectionId.2", "pcx-0123456789abcdef0")).isEqualTo("InvalidVpcPeeringConnectionID.NotFound");
            assertThat(ok(A, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx, "Filter.1.Name",
                    "status-code", "Filter.1.Value.1", "active").count(item)).as("filters apply to the ids").isZero();
        }

        @Test
        void unknownIdsAreNotFound() {
            assertThat(error(A, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1",
                    "pcx-0123456789abcdef0")).isEqualTo("InvalidVpcPeeringConnectionID.NotFound");
            assertThat(errorMessage(A, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId",
                    "pcx-0123456789abcdef0")).isEqualTo("The vpcPeeringConnection ID 'pcx-0123456789abcdef0' does not exist");
            assertThat(error(A, "AcceptVpcPeeringConnection")).isEqualTo("MissingParameter");
            assertThat(error(A, "DescribeVpcPeeringConnections", "Filter.1.Name", "no-such-filter",
                    "Filter.1.Value.1", "x")).isEqualTo("InvalidParameterValue");
        }

        @Test
        void rejectedByTheAccepter() {
            String a = vpc(A, "10.0.0.0/16");
            String b = vpc(B, "10.1.0.0/16");
            String pcx = peer(A, a, b, B);
            assertThat(error(A, "RejectVpcPeeringConnection", "VpcPeeringConnectionId", pcx))
                    .isEqualTo("OperationNotPermitted");
            assertThat(error(B, "DeleteVpcPeeringConnection", "VpcPeeringConnectionId", pcx))
                    .isEqualTo("OperationNotPermitted");
            assertThat(ok(B, "RejectVpcPeeringConnection", "VpcPeeringConnectionId", pcx)
                    .text("/RejectVpcPeeringConnectionResponse/return")).isEqualTo("true");
            Xml d = ok(A, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx);
            assertThat(d.text("//item/status/code")).isEqualTo("rejected");
            assertThat(d.count("//item/expirationTime")).isZero();
            assertThat(error(B, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx))
                    .isEqualTo("InvalidStateTransition");
        }

        @Test
        void interRegionMustBeAcceptedInTheAccepterRegion() {
            String east = vpc(A, "10.0.0.0/16");
            String west = vpc(A_WEST, "10.2.0.0/16");
            String pcx = peer(A, east, west, A_WEST);
            assertThat(errorMessage(A, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx))
                    .contains("Incorrect region (us-east-1)").contains("us-west-2");
            assertThat(error(A, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx))
                    .isEqualTo("OperationNotPermitted");
            Xml accepted = ok(A_WEST, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
            assertThat(accepted.text("//vpcPeeringConnection/status/code")).isEqualTo("active");
            assertThat(accepted.text("//accepterVpcInfo/region")).isEqualTo("us-west-2");
            assertThat(accepted.text("//requesterVpcInfo/region")).isEqualTo("us-east-1");
        }

        @Test
        void tagsOfASameAccountInterRegionPeeringBelongToTheRegionThatSetThem() {
            String east = vpc(A, "10.0.0.0/16");
            String west = vpc(A_WEST, "10.2.0.0/16");
            String pcx = peer(A, east, west, A_WEST);
            ok(A_WEST, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
            ok(A_WEST, "CreateTags", "ResourceId.1", pcx, "Tag.1.Key", "Name", "Tag.1.Value", "west-side");

            String described = "/DescribeVpcPeeringConnectionsResponse/vpcPeeringConnectionSet/item/tagSet/item/value";
            assertThat(ok(A_WEST, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx)
                    .texts(described)).containsExactly("west-side");
            assertThat(ok(A, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx)
                    .texts(described)).isEmpty();
            assertThat(ok(A_WEST, "DescribeVpcPeeringConnections", "Filter.1.Name", "tag:Name",
                    "Filter.1.Value.1", "west-side").texts("//vpcPeeringConnectionId")).containsExactly(pcx);

            String listed = "/DescribeTagsResponse/tagSet/item[resourceId='" + pcx + "']/value";
            assertThat(ok(A_WEST, "DescribeTags").texts(listed)).containsExactly("west-side");
            assertThat(ok(A, "DescribeTags").texts(listed)).isEmpty();

            ok(A, "CreateTags", "ResourceId.1", pcx, "Tag.1.Key", "Name", "Tag.1.Value", "east-side");
            assertThat(ok(A, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx)
                    .texts(described)).containsExactly("east-side");
            assertThat(ok(A_WEST, "DescribeTags").texts(listed)).containsExactly("west-side");
        }

        @Test
        void secondCreateForThePairReturnsTheSameConnection() {
            String a = vpc(A, "10.0.0.0/16");
            String b = vpc(B, "10.1.0.0/16");
            String first = peer(A, a, b, B);
            Xml again = ok(A, "CreateVpcPeeringConnection", "VpcId", a, "PeerVpcId", b, "PeerOwnerId", B.accountId());
            assertThat(again.text("//vpcPeeringConnectionId")).isEqualTo(first);
            assertThat(again.text("//status/code")).isEqualTo("pending-acceptance");
            // from the other side, too
            assertThat(peer(B, b, a, A)).isEqualTo(first);
            assertThat(ok(A, "DescribeVpcPeeringConnections")
                    .count("/DescribeVpcPeeringConnectionsResponse/vpcPeeringConnectionSet/item")).isEqualTo(1);
        }

        @Test
        void overlappingCidrsFail() {
            String a = vpc(A, "10.0.0.0/16");
            String b = vpc(B, "10.0.128.0/17");
            Xml created = ok(A, "CreateVpcPeeringConnection", "VpcId", a, "PeerVpcId", b, "PeerOwnerId", B.accountId());
            String pcx = created.text("//vpcPeeringConnectionId");
            assertThat(created.text("//status/code")).isEqualTo("failed");
            assertThat(created.text("//status/message")).contains("10.0.0.0/16").contains("10.0.128.0/17");
            assertThat(created.count("//expirationTime")).isZero();
            assertThat(ok(A, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx)
                    .text("//item/status/code")).isEqualTo("failed");
            // the accepter never sees a failed request, and nobody can act on it
            assertThat(error(B, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx))
                    .isEqualTo("InvalidVpcPeeringConnectionID.NotFound");
            assertThat(error(A, "DeleteVpcPeeringConnection", "VpcPeeringConnectionId", pcx))
                    .isEqualTo("InvalidStateTransition");
            // visible to the requester for 2 hours
            now = now.plus(Duration.ofHours(2));
            assertThat(error(A, "DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1", pcx))
                    .isEqualTo("InvalidVpcPeeringConnectionID.NotFound");
        }

        @Test
        void pendingRequestsExpireAfterSevenDays() {
            String a = vpc(A, "10.0.0.0/16");
            String b = vpc(B, "10.1.0.0/16");
            String pcx = peer(A, a, b, B);
            now = now.plus(Duration.ofDays(7));
            Xml d = ok(B, "DescribeVpcPeeringConnections", "Filter.1.Name", "vpc-peering-connection-id",
                    "Filter.1.Value.1", pcx);
            assertThat(d.text("//item/status/code")).isEqualTo("expired");
            assertThat(error(B, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx))
                    .isEqualTo("InvalidStateTransition");
        }

        @Test
        void describePages() {
            String a = vpc(A, "10.0.0.0/16");
            List<String> all = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                all.add(peer(A, a, vpc(B, "10." + i + ".0.0/16"), B));
            }
            Xml first = ok(A, "DescribeVpcPeeringConnections", "MaxResults", "5");
            List<String> ids = new ArrayList<>(first.texts("//vpcPeeringConnectionSet/item/vpcPeeringConnectionId"));
            String token = first.text("/DescribeVpcPeeringConnectionsResponse/nextToken");
            assertThat(ids).hasSize(5);
            assertThat(token).isNotEmpty();
            Xml second = ok(A, "DescribeVpcPeeringConnections", "MaxResults", "5", "NextToken", token);
            ids.addAll(second.texts("//vpcPeeringConnectionSet/item/vpcPeeringConnectionId"));
            assertThat(second.count("/DescribeVpcPeeringConnectionsResponse/nextToken")).isZero();
            assertThat(ids).containsExactlyElementsOf(all);
        }
    }

    // ---- security groups ----

    @Nested
    class SecurityGroups {

        @Test
        void createDescribeDelete() {
            String v = vpc(A, "10.0.0.0/16");
            Xml created = ok(A, "CreateSecurityGroup", "VpcId", v, "GroupName", "web", "GroupDescription", "web tier",
                    "TagSpecification.1.ResourceType", "security-group", "TagSpecification.1.Tag.1.Key", "tier",
                    "TagSpecification.1.Tag.1.Value", "front");
            String sg = created.text("/CreateSecurityGroupResponse/groupId");
            assertThat(sg).startsWith("sg-");
            assertThat(created.text("/CreateSecurityGroupResponse/securityGroupArn"))
                    .isEqualTo("arn:aws:ec2:us-east-1:111111111111:security-group/" + sg);
            assertThat(created.text("/CreateSecurityGroupResponse/tagSet/item/value")).isEqualTo("front");
            assertThat(error(A, "CreateSecurityGroup", "VpcId", v, "GroupName", "web", "GroupDescription", "again"))
                    .isEqualTo("InvalidGroup.Duplicate");

            Xml d = ok(A, "DescribeSecurityGroups", "GroupId.1", sg);
            String item = "/DescribeSecurityGroupsResponse/securityGroupInfo/item";
            assertThat(d.text(item + "/groupName")).isEqualTo("web");
            assertThat(d.text(item + "/groupDescription")).isEqualTo("web tier");
            assertThat(d.text(item + "/vpcId")).isEqualTo(v);
            assertThat(d.text(item + "/ownerId")).isEqualTo("111111111111");
            assertThat(d.count(item + "/ipPermissions/item")).isZero();
            assertThat(d.text(item + "/ipPermissionsEgress/item/ipProtocol")).isEqualTo("-1");
            assertThat(d.count(item + "/ipPermissionsEgress/item/fromPort")).isZero();
            assertThat(d.text(item + "/ipPermissionsEgress/item/ipRanges/item/cidrIp")).isEqualTo("0.0.0.0/0");

            // filters and names
            assertThat(ok(A, "DescribeSecurityGroups", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", v)
                    .texts(item + "/groupName")).containsExactlyInAnyOrder("default", "web");
            assertThat(ok(A, "DescribeSecurityGroups", "Filter.1.Name", "tag:tier", "Filter.1.Value.1", "front")
                    .texts(item + "/groupId")).containsExactly(sg);
            assertThat(ok(A, "DescribeSecurityGroups", "GroupName.1", "web").texts(item + "/groupId"))
                    .containsExactly(sg);
            assertThat(error(A, "DescribeSecurityGroups", "GroupId.1", "sg-0123456789abcdef0"))
                    .isEqualTo("InvalidGroup.NotFound");
            assertThat(error(A, "DescribeSecurityGroups", "GroupId.1", "web")).isEqualTo("InvalidGroupId.Malformed");
            // another account sees nothing of it
            assertThat(error(B, "DescribeSecurityGroups", "GroupId.1", sg)).isEqualTo("InvalidGroup.NotFound");

            assertThat(error(A, "DeleteSecurityGroup", "GroupName", "web")).isEqualTo("VPCIdNotSpecified");
            Xml deleted = ok(A, "DeleteSecurityGroup", "GroupId", sg);
            assertThat(deleted.text("/DeleteSecurityGroupResponse/return")).isEqualTo("true");
            assertThat(error(A, "DeleteSecurityGroup", "GroupId", sg)).isEqualTo("InvalidGroup.NotFound");
        }

        @Test
        void authorizeGroupsPermissionsAndRejectsDuplicates() {
            String v = vpc(A, "10.0.0.0/16");
            String sg = group(A, v, "app");
            Xml auth = ok(A, "AuthorizeSecurityGroupIngress", "GroupId", sg,
                    "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", "22", "IpPermissions.1.ToPort", "22",
                    "IpPermissions.1.IpRanges.1.CidrIp", "10.9.0.0/16",
                    "IpPermissions.1.IpRanges.1.Description", "ssh from ops",
                    "IpPermissions.1.IpRanges.2.CidrIp", "192.168.1.7/24",
                    "IpPermissions.2.IpProtocol", "icmp", "IpPermissions.2.FromPort", "-1", "IpPermissions.2.ToPort", "-1",
                    "IpPermissions.2.Ipv6Ranges.1.CidrIpv6", "2001:db8::/32");
            String rules = "/AuthorizeSecurityGroupIngressResponse/securityGroupRuleSet/item";
            assertThat(auth.text("/AuthorizeSecurityGroupIngressResponse/return")).isEqualTo("true");
            assertThat(auth.count(rules)).isEqualTo(3);
            assertThat(auth.texts(rules + "/securityGroupRuleId")).allMatch(id -> id.startsWith("sgr-"));
            assertThat(auth.texts(rules + "/isEgress")).containsOnly("false");
            assertThat(auth.texts(rules + "/groupOwnerId")).containsOnly("111111111111");
            assertThat(auth.texts(rules + "/cidrIpv4")).containsExactly("10.9.0.0/16", "192.168.1.0/24");
            assertThat(auth.texts(rules + "/cidrIpv6")).containsExactly("2001:db8::/32");
            assertThat(auth.text(rules + "[1]/description")).isEqualTo("ssh from ops");
            assertThat(auth.text(rules + "[3]/fromPort")).isEqualTo("-1");

            Xml d = ok(A, "DescribeSecurityGroups", "GroupId.1", sg);
            String perms = "/DescribeSecurityGroupsResponse/securityGroupInfo/item/ipPermissions/item";
            assertThat(d.count(perms)).isEqualTo(2);
            assertThat(d.text(perms + "[1]/ipProtocol")).isEqualTo("tcp");
            assertThat(d.text(perms + "[1]/fromPort")).isEqualTo("22");
            assertThat(d.text(perms + "[1]/toPort")).isEqualTo("22");
            assertThat(d.texts(perms + "[1]/ipRanges/item/cidrIp")).containsExactly("10.9.0.0/16", "192.168.1.0/24");
            assertThat(d.text(perms + "[1]/ipRanges/item[1]/description")).isEqualTo("ssh from ops");
            assertThat(d.texts(perms + "[2]/ipv6Ranges/item/cidrIpv6")).containsExactly("2001:db8::/32");

            // the same rule again, whatever its description, is a duplicate; nothing of the request is added
            assertThat(error(A, "AuthorizeSecurityGroupIngress", "GroupId", sg,
                    "IpPermissions.1.IpProtocol", "6", "IpPermissions.1.FromPort", "22", "IpPermissions.1.ToPort", "22",
                    "IpPermissions.1.IpRanges.1.CidrIp", "10.99.0.0/16",
                    "IpPermissions.1.IpRanges.2.CidrIp", "10.9.0.0/16",
                    "IpPermissions.1.IpRanges.2.Description", "other words"))
                    .isEqualTo("InvalidPermission.Duplicate");
            assertThat(ok(A, "DescribeSecurityGroupRules", "Filter.1.Name", "group-id", "Filter.1.Value.1", sg)
                    .texts("//securityGroupRuleSet/item/cidrIpv4")).doesNotContain("10.99.0.0/16");

            // legacy flat form
            Xml legacy = ok(A, "AuthorizeSecurityGroupIngress", "GroupId", sg, "IpProtocol", "tcp",
                    "FromPort", "443", "ToPort", "443", "CidrIp", "0.0.0.0/0");
            assertThat(legacy.text("//securityGroupRuleSet/item/fromPort")).isEqualTo("443");
            assertThat(error(A, "AuthorizeSecurityGroupIngress", "GroupId", sg,
                    "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", "1",
                    "IpPermissions.1.ToPort", "2")).isEqualTo("InvalidPermission.Malformed");
            assertThat(error(A, "AuthorizeSecurityGroupIngress", "GroupName", "app", "IpProtocol", "tcp",
                    "FromPort", "80", "ToPort", "80", "CidrIp", "0.0.0.0/0")).isEqualTo("VPCIdNotSpecified");

            // filters over rules
            String item = "/DescribeSecurityGroupsResponse/securityGroupInfo/item";
            assertThat(ok(A, "DescribeSecurityGroups", "Filter.1.Name", "ip-permission.cidr",
                    "Filter.1.Value.1", "10.9.0.0/16").texts(item + "/groupId")).containsExactly(sg);
            assertThat(ok(A, "DescribeSecurityGroups", "Filter.1.Name", "ip-permission.from-port",
                    "Filter.1.Value.1", "443", "Filter.2.Name", "ip-permission.protocol",
                    "Filter.2.Value.1", "6").texts(item + "/groupId")).containsExactly(sg);
            assertThat(ok(A, "DescribeSecurityGroups", "Filter.1.Name", "egress.ip-permission.cidr",
                    "Filter.1.Value.1", "10.9.0.0/16").count(item)).isZero();
            assertThat(ok(A, "DescribeSecurityGroups", "Filter.1.Name", "egress.ip-permission.protocol",
                    "Filter.1.Value.1", "-1", "Filter.2.Name", "group-name", "Filter.2.Value.1", "app")
                    .texts(item + "/groupId")).containsExactly(sg);
        }

        @Test
        void sixtyRulesPerDirectionAndFamily() {
            String v = vpc(A, "10.0.0.0/16");
            String sg = group(A, v, "big");
            for (int i = 0; i < 60; i++) {
                ok(A, "AuthorizeSecurityGroupIngress", "GroupId", sg, "IpPermissions.1.IpProtocol", "tcp",
                        "IpPermissions.1.FromPort", String.valueOf(1000 + i), "IpPermissions.1.ToPort",
                        String.valueOf(1000 + i), "IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8");
            }
            assertThat(error(A, "AuthorizeSecurityGroupIngress", "GroupId", sg, "IpPermissions.1.IpProtocol", "tcp",
                    "IpPermissions.1.FromPort", "2000", "IpPermissions.1.ToPort", "2000",
                    "IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8")).isEqualTo("RulesPerSecurityGroupLimitExceeded");
            // IPv6 is counted separately, and so is egress
            ok(A, "AuthorizeSecurityGroupIngress", "GroupId", sg, "IpPermissions.1.IpProtocol", "tcp",
                    "IpPermissions.1.FromPort", "2000", "IpPermissions.1.ToPort", "2000",
                    "IpPermissions.1.Ipv6Ranges.1.CidrIpv6", "::/0");
            ok(A, "AuthorizeSecurityGroupEgress", "GroupId", sg, "IpPermissions.1.IpProtocol", "tcp",
                    "IpPermissions.1.FromPort", "2000", "IpPermissions.1.ToPort", "2000",
                    "IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8");
            assertThat(ok(A, "DescribeSecurityGroups", "GroupId.1", sg)
                    .count("//securityGroupInfo/item/ipPermissions/item")).isEqualTo(61);
        }

        @Test
        void revokeIsAllOrNothing() {
            String v = vpc(A, "10.0.0.0/16");
            String sg = group(A, v, "rev");
            Xml auth = ok(A, "AuthorizeSecurityGroupIngress", "GroupId", sg, "IpPermissions.1.IpProtocol", "udp",
                    "IpPermissions.1.FromPort", "53", "IpPermissions.1.ToPort", "53",
                    "IpPermissions.1.IpRanges.1.CidrIp", "10.1.0.0/16", "IpPermissions.1.IpRanges.2.CidrIp", "10.2.0.0/16");
            List<String> ruleIds = auth.texts("//securityGroupRuleSet/item/securityGroupRuleId");

            assertThat(error(A, "RevokeSecurityGroupIngress", "GroupId", sg, "IpPermissions.1.IpProtocol", "udp",
                    "IpPermissions.1.FromPort", "53", "IpPermissions.1.ToPort", "53",
                    "IpPermissions.1.IpRanges.1.CidrIp", "10.1.0.0/16", "IpPermissions.1.IpRanges.2.CidrIp", "10.3.0.0/16"))
                    .isEqualTo("InvalidPermission.NotFound");
            assertThat(ok(A, "DescribeSecurityGroupRules", "Filter.1.Name", "group-id", "Filter.1.Value.1", sg)
                    .texts("//securityGroupRuleSet/item[isEgress='false']/cidrIpv4"))
                    .containsExactly("10.1.0.0/16", "10.2.0.0/16");
            assertThat(error(A, "RevokeSecurityGroupIngress", "GroupId", sg, "SecurityGroupRuleId.1", ruleIds.get(0),
                    "SecurityGroupRuleId.2", "sgr-0123456789abcdef0")).isEqualTo("InvalidSecurityGroupRuleId.NotFound");

            Xml revoked = ok(A, "RevokeSecurityGroupIngress", "GroupId", sg, "IpPermissions.1.IpProtocol", "udp",
                    "IpPermissions.1.FromPort", "53", "IpPermissions.1.ToPort", "53",
                    "IpPermissions.1.IpRanges.1.CidrIp", "10.1.0.0/16");
            assertThat(revoked.text("/RevokeSecurityGroupIngressResponse/return")).isEqualTo("true");
            assertThat(revoked.texts("//revokedSecurityGroupRuleSet/item/securityGroupRuleId"))
                    .containsExactly(ruleIds.get(0));
            ok(A, "RevokeSecurityGroupIngress", "GroupId", sg, "SecurityGroupRuleId.1", ruleIds.get(1));
            assertThat(ok(A, "DescribeSecurityGroups", "GroupId.1", sg)
                    .count("//securityGroupInfo/item/ipPermissions/item")).isZero();

            // the default egress rule, by rule id through DescribeSecurityGroupRules
            Xml egress = ok(A, "DescribeSecurityGroupRules", "Filter.1.Name", "group-id", "Filter.1.Value.1", sg);
            String egressId = egress.text("//securityGroupRuleSet/item[isEgress='true']/securityGroupRuleId");
            assertThat(ok(A, "DescribeSecurityGroupRules", "SecurityGroupRuleId.1", egressId)
                    .text("//securityGroupRuleSet/item/cidrIpv4")).isEqualTo("0.0.0.0/0");
            assertThat(error(A, "RevokeSecurityGroupIngress", "GroupId", sg, "SecurityGroupRuleId.1", egressId))
                    .isEqualTo("InvalidSecurityGroupRuleId.NotFound");
            ok(A, "RevokeSecurityGroupEgress", "GroupId", sg, "IpPermissions.1.IpProtocol", "-1",
                    "IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0");
            assertThat(error(A, "DescribeSecurityGroupRules", "SecurityGroupRuleId.1", egressId))
                    .isEqualTo("InvalidSecurityGroupRuleId.NotFound");
        }

        @Test
        void peerGroupReferencesNeedAnActiveSameRegionPeeringAndGoStale() {
            String a = vpc(A, "10.0.0.0/16");
            String b = vpc(B, "10.1.0.0/16");
            String sgA = group(A, a, "app");
            String sgB = group(B, b, "db");
            String[] reference = {"GroupId", sgA, "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", "5432",
                    "IpPermissions.1.ToPort", "5432", "IpPermissions.1.Groups.1.GroupId", sgB,
                    "IpPermissions.1.Groups.1.UserId", B.accountId(), "IpPermissions.1.Groups.1.Description", "db peer"};

            // not peered, then only pending: the groups belong to different networks
            assertThat(errorMessage(A, "AuthorizeSecurityGroupIngress", reference))
                    .isEqualTo("You have specified two resources that belong to different networks.");
            String pcx = peer(A, a, b, B);
            assertThat(error(A, "AuthorizeSecurityGroupIngress", reference)).isEqualTo("InvalidGroup.NotFound");

            ok(B, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
            Xml auth = ok(A, "AuthorizeSecurityGroupIngress", reference);
            String ref = "/AuthorizeSecurityGroupIngressResponse/securityGroupRuleSet/item/referencedGroupInfo";
            assertThat(auth.text(ref + "/groupId")).isEqualTo(sgB);
            assertThat(auth.text(ref + "/userId")).isEqualTo(B.accountId());
            assertThat(auth.text(ref + "/vpcId")).isEqualTo(b);
            assertThat(auth.text(ref + "/vpcPeeringConnectionId")).isEqualTo(pcx);
            assertThat(auth.text(ref + "/peeringStatus")).isEqualTo("active");

            String pair = "/DescribeSecurityGroupsResponse/securityGroupInfo/item/ipPermissions/item/groups/item";
            Xml d = ok(A, "DescribeSecurityGroups", "GroupId.1", sgA);
            assertThat(d.text(pair + "/groupId")).isEqualTo(sgB);
            assertThat(d.text(pair + "/vpcPeeringConnectionId")).isEqualTo(pcx);
            assertThat(d.text(pair + "/peeringStatus")).isEqualTo("active");
            assertThat(d.text(pair + "/description")).isEqualTo("db peer");
            assertThat(ok(A, "DescribeSecurityGroups", "Filter.1.Name", "ip-permission.group-id",
                    "Filter.1.Value.1", sgB).texts("//securityGroupInfo/item/groupId")).containsExactly(sgA);
            assertThat(ok(A, "DescribeStaleSecurityGroups", "VpcId", a).count("//staleSecurityGroupSet/item")).isZero();

            // a same-VPC reference is plain: no VPC, peering or status
            String sgA2 = group(A, a, "batch");
            Xml local = ok(A, "AuthorizeSecurityGroupIngress", "GroupId", sgA2, "IpPermissions.1.IpProtocol", "-1",
                    "IpPermissions.1.Groups.1.GroupId", sgA);
            assertThat(local.text("//referencedGroupInfo/groupId")).isEqualTo(sgA);
            assertThat(local.count("//referencedGroupInfo/vpcPeeringConnectionId")).isZero();

            // an inter-Region peering, even active, does not allow group references
            String west = vpc(A_WEST, "10.5.0.0/16");
            String sgWest = group(A_WEST, west, "west");
            String pcxWest = peer(A, a, west, A_WEST);
            ok(A_WEST, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcxWest);
            assertThat(error(A, "AuthorizeSecurityGroupIngress", "GroupId", sgA, "IpPermissions.1.IpProtocol", "tcp",
                    "IpPermissions.1.FromPort", "80", "IpPermissions.1.ToPort", "80",
                    "IpPermissions.1.Groups.1.GroupId", sgWest)).isEqualTo("InvalidGroup.NotFound");

            // deleting the peering leaves the rule stale
            now = now.plusSeconds(300);
            ok(B, "DeleteVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
            Xml stale = ok(A, "DescribeStaleSecurityGroups", "VpcId", a);
            String s = "/DescribeStaleSecurityGroupsResponse/staleSecurityGroupSet/item";
            assertThat(stale.count(s)).isEqualTo(1);
            assertThat(stale.text(s + "/groupId")).isEqualTo(sgA);
            assertThat(stale.text(s + "/groupName")).isEqualTo("app");
            assertThat(stale.text(s + "/description")).isEqualTo("app sg");
            assertThat(stale.text(s + "/vpcId")).isEqualTo(a);
            assertThat(stale.text(s + "/staleIpPermissions/item/ipProtocol")).isEqualTo("tcp");
            assertThat(stale.text(s + "/staleIpPermissions/item/fromPort")).isEqualTo("5432");
            assertThat(stale.text(s + "/staleIpPermissions/item/groups/item/groupId")).isEqualTo(sgB);
            assertThat(stale.text(s + "/staleIpPermissions/item/groups/item/userId")).isEqualTo(B.accountId());
            assertThat(stale.text(s + "/staleIpPermissions/item/groups/item/vpcId")).isEqualTo(b);
            assertThat(stale.text(s + "/staleIpPermissions/item/groups/item/vpcPeeringConnectionId")).isEqualTo(pcx);
            assertThat(stale.text(s + "/staleIpPermissions/item/groups/item/peeringStatus")).isEqualTo("deleted");
            assertThat(stale.count(s + "/staleIpPermissionsEgress/item")).isZero();
            assertThat(ok(A, "DescribeSecurityGroups", "GroupId.1", sgA).text(pair + "/peeringStatus"))
                    .isEqualTo("deleted");
            assertThat(error(A, "DescribeStaleSecurityGroups")).isEqualTo("MissingParameter");
            assertThat(error(B, "DescribeStaleSecurityGroups", "VpcId", a)).isEqualTo("InvalidVpcID.NotFound");

            // and a stale rule can still be revoked
            ok(A, "RevokeSecurityGroupIngress", "GroupId", sgA, "IpPermissions.1.IpProtocol", "tcp",
                    "IpPermissions.1.FromPort", "5432", "IpPermissions.1.ToPort", "5432",
                    "IpPermissions.1.Groups.1.GroupId", sgB, "IpPermissions.1.Groups.1.UserId", B.accountId());
            assertThat(ok(A, "DescribeStaleSecurityGroups", "VpcId", a).count(s)).isZero();
        }

        @Test
        void dryRunAnswers412AndChangesNothing() {
            String v = vpc(A, "10.0.0.0/16");
            Ec2Service.Ec2Reply reply = call(A, "CreateSecurityGroup", params("VpcId", v, "GroupName", "dry",
                    "GroupDescription", "dry", "DryRun", "true"));
            assertThat(reply.status()).isEqualTo(412);
            assertThat(Xml.parse(reply.xml()).text("/Response/Errors/Error/Code")).isEqualTo("DryRunOperation");
            assertThat(ok(A, "DescribeSecurityGroups", "Filter.1.Name", "group-name", "Filter.1.Value.1", "dry")
                    .count("//securityGroupInfo/item")).isZero();
            String b = vpc(B, "10.1.0.0/16");
            assertThat(call(A, "CreateVpcPeeringConnection", params("VpcId", v, "PeerVpcId", b, "PeerOwnerId",
                    B.accountId(), "DryRun", "true")).status()).isEqualTo(412);
            assertThat(ok(A, "DescribeVpcPeeringConnections").count("//vpcPeeringConnectionSet/item")).isZero();
        }

        @Test
        void describeSecurityGroupRulesPages() {
            String v = vpc(A, "10.0.0.0/16");
            String sg = group(A, v, "paged");
            for (int i = 0; i < 6; i++) {
                ok(A, "AuthorizeSecurityGroupIngress", "GroupId", sg, "IpPermissions.1.IpProtocol", "tcp",
                        "IpPermissions.1.FromPort", String.valueOf(i), "IpPermissions.1.ToPort", String.valueOf(i),
                        "IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8");
            }
            List<String> seen = new ArrayList<>();
            String token = null;
            do {
                Xml page = token == null
                        ? ok(A, "DescribeSecurityGroupRules", "Filter.1.Name", "group-id", "Filter.1.Value.1", sg,
                        "MaxResults", "5")
                        : ok(A, "DescribeSecurityGroupRules", "Filter.1.Name", "group-id", "Filter.1.Value.1", sg,
                        "MaxResults", "5", "NextToken", token);
                seen.addAll(page.texts("//securityGroupRuleSet/item/securityGroupRuleId"));
                token = page.count("/DescribeSecurityGroupRulesResponse/nextToken") == 0 ? null
                        : page.text("/DescribeSecurityGroupRulesResponse/nextToken");
            } while (token != null);
            assertThat(seen).hasSize(7).doesNotHaveDuplicates(); // 6 ingress + the default egress rule
        }
    }

    // ---- the AWS SDK for Java v2 parses the replies ----

    /** Serves SDK requests in-process: decodes the form body and runs it through {@link Ec2Api}. */
    final class InProcessHttp implements SdkHttpClient {
        private final Caller caller;

        InProcessHttp(Caller caller) {
            this.caller = caller;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws java.io.IOException {
                    byte[] body = request.contentStreamProvider().isPresent()
                            ? request.contentStreamProvider().get().newStream().readAllBytes() : new byte[0];
                    Map<String, String> form = new LinkedHashMap<>();
                    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                        if (pair.isEmpty()) {
                            continue;
                        }
                        int eq = pair.indexOf('=');
                        form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                                eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                    String action = form.remove("Action");
                    form.remove("Version");
                    Action a = api.find(action);
                    Ec2Service.Ec2Reply reply = a == null ? Ec2Api.unknownAction(action)
                            : api.run(a, caller, now, form, cloud);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(reply.status())
                                    .putHeader("Content-Type", "text/xml").build())
                            .responseBody(AbortableInputStream.create(
                                    new ByteArrayInputStream(reply.xml().getBytes(StandardCharsets.UTF_8))))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    Ec2Client sdk(Caller caller) {
        return Ec2Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:1"))
                .region(Region.of(caller.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "x")))
                .httpClient(new InProcessHttp(caller))
                .build();
    }

    @Nested
    class AwsSdk {

        @Test
        void peeringRoundTrip() {
            String a = vpc(A, "10.0.0.0/16");
            String b = vpc(B, "10.1.0.0/16");
            try (Ec2Client ec2A = sdk(A); Ec2Client ec2B = sdk(B)) {
                VpcPeeringConnection created = ec2A.createVpcPeeringConnection(c -> c.vpcId(a).peerVpcId(b)
                        .peerOwnerId(B.accountId()).tagSpecifications(TagSpecification.builder()
                                .resourceType(ResourceType.VPC_PEERING_CONNECTION)
                                .tags(Tag.builder().key("Name").value("ab").build()).build()))
                        .vpcPeeringConnection();
                assertThat(created.status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.INITIATING_REQUEST);
                assertThat(created.expirationTime()).isEqualTo(Instant.parse("2024-05-08T10:00:00Z"));
                assertThat(created.tags()).containsExactly(Tag.builder().key("Name").value("ab").build());
                String pcx = created.vpcPeeringConnectionId();

                VpcPeeringConnection pending = ec2B.describeVpcPeeringConnections(d -> d.vpcPeeringConnectionIds(pcx))
                        .vpcPeeringConnections().get(0);
                assertThat(pending.status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.PENDING_ACCEPTANCE);
                assertThat(pending.accepterVpcInfo().cidrBlock()).isNull();
                assertThat(pending.accepterVpcInfo().peeringOptions()).isNull();
                assertThat(pending.requesterVpcInfo().cidrBlockSet()).hasSize(1);
                assertThat(pending.requesterVpcInfo().peeringOptions().allowDnsResolutionFromRemoteVpc()).isFalse();

                assertThatThrownBy(() -> ec2A.acceptVpcPeeringConnection(x -> x.vpcPeeringConnectionId(pcx)))
                        .isInstanceOf(Ec2Exception.class)
                        .satisfies(e -> assertThat(((Ec2Exception) e).awsErrorDetails().errorCode())
                                .isEqualTo("OperationNotPermitted"));
                VpcPeeringConnection active = ec2B.acceptVpcPeeringConnection(x -> x.vpcPeeringConnectionId(pcx))
                        .vpcPeeringConnection();
                assertThat(active.status().code()).isEqualTo(VpcPeeringConnectionStateReasonCode.ACTIVE);
                assertThat(active.accepterVpcInfo().cidrBlock()).isEqualTo("10.1.0.0/16");
                assertThat(active.accepterVpcInfo().region()).isEqualTo("us-east-1");

                ec2A.modifyVpcAttribute(m -> m.vpcId(a).enableDnsHostnames(v -> v.value(true)));
                ec2B.modifyVpcAttribute(m -> m.vpcId(b).enableDnsHostnames(v -> v.value(true)));
                ModifyVpcPeeringConnectionOptionsResponse modified = ec2B.modifyVpcPeeringConnectionOptions(m -> m
                        .vpcPeeringConnectionId(pcx)
                        .accepterPeeringConnectionOptions(o -> o.allowDnsResolutionFromRemoteVpc(true)));
                assertThat(modified.accepterPeeringConnectionOptions().allowDnsResolutionFromRemoteVpc()).isTrue();

                DescribeVpcPeeringConnectionsResponse byFilter = ec2A.describeVpcPeeringConnections(d -> d
                        .filters(f -> f.name("requester-vpc-info.vpc-id").values(a)));
                assertThat(byFilter.vpcPeeringConnections()).singleElement().satisfies(p -> {
                    assertThat(p.accepterVpcInfo().peeringOptions().allowDnsResolutionFromRemoteVpc()).isTrue();
                    assertThat(p.requesterVpcInfo().peeringOptions().allowDnsResolutionFromRemoteVpc()).isFalse();
                    assertThat(p.expirationTime()).isNull();
                });

                assertThat(ec2A.deleteVpcPeeringConnection(x -> x.vpcPeeringConnectionId(pcx)).returnValue()).isTrue();
                assertThatThrownBy(() -> ec2A.describeVpcPeeringConnections(d -> d
                        .vpcPeeringConnectionIds("pcx-0123456789abcdef0")))
                        .isInstanceOf(Ec2Exception.class)
                        .satisfies(e -> assertThat(((Ec2Exception) e).awsErrorDetails().errorCode())
                                .isEqualTo("InvalidVpcPeeringConnectionID.NotFound"));
            }
        }

        @Test
        void securityGroupRoundTrip() {
            String a = vpc(A, "10.0.0.0/16");
            String b = vpc(B, "10.1.0.0/16");
            String pcx = peer(A, a, b, B);
            ok(B, "AcceptVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
            String sgB = group(B, b, "db");
            try (Ec2Client ec2 = sdk(A)) {
                String sg = ec2.createSecurityGroup(c -> c.vpcId(a).groupName("app").description("app tier"))
                        .groupId();
                AuthorizeSecurityGroupIngressResponse auth = ec2.authorizeSecurityGroupIngress(x -> x.groupId(sg)
                        .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                                        .ipRanges(IpRange.builder().cidrIp("10.8.0.0/16").description("lb").build(),
                                                IpRange.builder().cidrIp("10.9.0.0/16").build()).build(),
                                IpPermission.builder().ipProtocol("tcp").fromPort(5432).toPort(5432)
                                        .userIdGroupPairs(UserIdGroupPair.builder().groupId(sgB)
                                                .userId(B.accountId()).build()).build()));
                assertThat(auth.returnValue()).isTrue();
                assertThat(auth.securityGroupRules()).hasSize(3);
                SecurityGroupRule peerRule = auth.securityGroupRules().get(2);
                assertThat(peerRule.referencedGroupInfo().groupId()).isEqualTo(sgB);
                assertThat(peerRule.referencedGroupInfo().vpcPeeringConnectionId()).isEqualTo(pcx);
                assertThat(peerRule.isEgress()).isFalse();
                assertThat(peerRule.fromPort()).isEqualTo(5432);

                DescribeSecurityGroupsResponse d = ec2.describeSecurityGroups(x -> x.groupIds(sg));
                SecurityGroup g = d.securityGroups().get(0);
                assertThat(g.groupName()).isEqualTo("app");
                assertThat(g.description()).isEqualTo("app tier");
                assertThat(g.ipPermissions()).hasSize(2);
                assertThat(g.ipPermissions().get(0).ipRanges()).extracting(IpRange::cidrIp)
                        .containsExactly("10.8.0.0/16", "10.9.0.0/16");
                assertThat(g.ipPermissions().get(1).userIdGroupPairs()).singleElement().satisfies(p -> {
                    assertThat(p.groupId()).isEqualTo(sgB);
                    assertThat(p.peeringStatus()).isEqualTo("active");
                });
                assertThat(g.ipPermissionsEgress()).singleElement().satisfies(p -> {
                    assertThat(p.ipProtocol()).isEqualTo("-1");
                    assertThat(p.fromPort()).isNull();
                });

                assertThat(ec2.describeSecurityGroupRules(x -> x.filters(f -> f.name("group-id").values(sg)))
                        .securityGroupRules()).hasSize(4);

                ok(A, "DeleteVpcPeeringConnection", "VpcPeeringConnectionId", pcx);
                DescribeStaleSecurityGroupsResponse stale = ec2.describeStaleSecurityGroups(x -> x.vpcId(a));
                assertThat(stale.staleSecurityGroupSet()).singleElement().satisfies(s -> {
                    assertThat(s.groupId()).isEqualTo(sg);
                    assertThat(s.staleIpPermissions()).singleElement().satisfies(p -> {
                        assertThat(p.fromPort()).isEqualTo(5432);
                        assertThat(p.userIdGroupPairs()).singleElement().satisfies(pair -> {
                            assertThat(pair.groupId()).isEqualTo(sgB);
                            assertThat(pair.peeringStatus()).isEqualTo("deleted");
                            assertThat(pair.vpcPeeringConnectionId()).isEqualTo(pcx);
                        });
                    });
                });

                assertThat(ec2.revokeSecurityGroupIngress(x -> x.groupId(sg).ipPermissions(IpPermission.builder()
                        .ipProtocol("tcp").fromPort(443).toPort(443)
                        .ipRanges(IpRange.builder().cidrIp("10.8.0.0/16").build()).build()))
                        .revokedSecurityGroupRules()).singleElement()
                        .satisfies(r -> assertThat(r.cidrIpv4()).isEqualTo("10.8.0.0/16"));
                assertThatThrownBy(() -> ec2.revokeSecurityGroupIngress(x -> x.groupId(sg).ipPermissions(
                        IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                                .ipRanges(IpRange.builder().cidrIp("10.8.0.0/16").build()).build())))
                        .isInstanceOf(Ec2Exception.class)
                        .satisfies(e -> assertThat(((Ec2Exception) e).awsErrorDetails().errorCode())
                                .isEqualTo("InvalidPermission.NotFound"));
                assertThat(ec2.deleteSecurityGroup(x -> x.groupId(sg)).returnValue()).isTrue();
            }
        }
    }
}

package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.InternetGateway;
import io.peerdesk.sim.cloud.Subnet;
import io.peerdesk.sim.cloud.Vpc;

import java.util.ArrayList;
import java.util.List;

/** VPCs, their CIDR blocks, subnets and internet gateways. */
final class VpcActions {

    private static final ResourceQuery<Vpc> VPCS = new ResourceQuery<Vpc>(Vpc::id, Vpc::sequence, v -> v.tags().asMap())
            .filter("vpc-id", Vpc::id)
            .filter("cidr", Vpc::primaryCidr)
            .filterMany("cidr-block-association.cidr-block", v -> v.ipv4Blocks().stream().map(b -> b.cidr().toString()).toList())
            .filterMany("cidr-block-association.association-id", v -> v.ipv4Blocks().stream().map(Vpc.CidrBlock::associationId).toList())
            .filterMany("cidr-block-association.state", v -> List.of("associated"))
            .filterMany("ipv6-cidr-block-association.ipv6-cidr-block", v -> v.ipv6Blocks().stream().map(b -> b.cidr().toString()).toList())
            .filter("dhcp-options-id", Vpc::dhcpOptionsId)
            .filter("is-default", v -> "false")
            .filter("owner-id", Vpc::ownerId)
            .filter("state", v -> "available");

    private static final ResourceQuery<Subnet> SUBNETS = new ResourceQuery<Subnet>(Subnet::id, Subnet::sequence, s -> s.tags().asMap())
            .filter("subnet-id", Subnet::id)
            .filter("vpc-id", Subnet::vpcId)
            .filter("cidr-block", Subnet::cidr)
            .filter("cidr", Subnet::cidr)
            .filter("cidrBlock", Subnet::cidr)
            .filter("availability-zone", Subnet::availabilityZone)
            .filter("availabilityZone", Subnet::availabilityZone)
            .filter("ipv6-cidr-block-association.ipv6-cidr-block", Subnet::ipv6Cidr)
            .filter("owner-id", Subnet::ownerId)
            .filter("state", s -> "available")
            .filter("default-for-az", s -> "false")
            .filter("available-ip-address-count", Subnet::availableIpAddressCount);

    private static final ResourceQuery<InternetGateway> GATEWAYS = new ResourceQuery<InternetGateway>(
            InternetGateway::id, InternetGateway::sequence, g -> g.tags().asMap())
            .filter("internet-gateway-id", InternetGateway::id)
            .filter("attachment.vpc-id", InternetGateway::attachedVpcId)
            .filter("attachment.state", g -> g.attachedVpcId() == null ? null : "available")
            .filter("owner-id", InternetGateway::ownerId);

    private VpcActions() {
    }

    static List<Action> all() {
        return List.of(
                new Action("CreateVpc", true, VpcActions::createVpc),
                new Action("DeleteVpc", true, (r, out) -> {
                    r.cloud().vpcs().deleteVpc(r.caller(), r.params().required("VpcId"), r.now());
                    Render.returnTrue(out);
                }),
                new Action("DescribeVpcs", false, VpcActions::describeVpcs),
                new Action("AssociateVpcCidrBlock", true, VpcActions::associateCidr),
                new Action("ModifyVpcAttribute", true, (r, out) -> {
                    r.cloud().vpcs().modifyAttribute(r.caller(), r.params().required("VpcId"),
                            r.params().bool("EnableDnsSupport.Value"), r.params().bool("EnableDnsHostnames.Value"));
                    Render.returnTrue(out);
                }),
                new Action("DescribeVpcAttribute", false, VpcActions::describeAttribute),
                new Action("CreateSubnet", true, VpcActions::createSubnet),
                new Action("DeleteSubnet", true, (r, out) -> {
                    r.cloud().vpcs().deleteSubnet(r.caller(), r.params().required("SubnetId"));
                    Render.returnTrue(out);
                }),
                new Action("DescribeSubnets", false, VpcActions::describeSubnets),
                new Action("CreateInternetGateway", true, (r, out) -> {
                    InternetGateway igw = r.cloud().vpcs().createInternetGateway(r.caller(),
                            r.params().tagSpecifications("internet-gateway"));
                    out.open("internetGateway");
                    gateway(out, igw);
                    out.close("internetGateway");
                }),
                new Action("AttachInternetGateway", true, (r, out) -> {
                    r.cloud().vpcs().attachInternetGateway(r.caller(), r.params().required("InternetGatewayId"),
                            r.params().required("VpcId"));
                    Render.returnTrue(out);
                }),
                new Action("DetachInternetGateway", true, (r, out) -> {
                    r.cloud().vpcs().detachInternetGateway(r.caller(), r.params().required("InternetGatewayId"),
                            r.params().required("VpcId"));
                    Render.returnTrue(out);
                }),
                new Action("DeleteInternetGateway", true, (r, out) -> {
                    r.cloud().vpcs().deleteInternetGateway(r.caller(), r.params().required("InternetGatewayId"));
                    Render.returnTrue(out);
                }),
                new Action("DescribeInternetGateways", false, (r, out) -> {
                    var page = GATEWAYS.run(r.cloud().visible(r.cloud().allInternetGateways(), r.caller()),
                            r.params().list("InternetGatewayId"), r.params(),
                            Render.notFound("InvalidInternetGatewayID.NotFound", "The internetGateway ID '%s' does not exist"));
                    Render.items(out, "internetGatewaySet", page.items(), VpcActions::gateway);
                    Render.nextToken(out, page.nextToken());
                }));
    }

    private static void createVpc(Request r, XmlWriter out) {
        Vpc vpc = r.cloud().vpcs().createVpc(r.caller(), r.params().required("CidrBlock"),
                r.params().flag("AmazonProvidedIpv6CidrBlock"), r.params().string("InstanceTenancy"),
                r.params().tagSpecifications("vpc"));
        out.open("vpc");
        vpc(out, vpc, "pending");
        out.close("vpc");
    }

    private static void describeVpcs(Request r, XmlWriter out) {
        var page = VPCS.run(r.cloud().visible(r.cloud().allVpcs(), r.caller()), r.params().list("VpcId"), r.params(),
                Render.notFound("InvalidVpcID.NotFound", "The vpc ID '%s' does not exist"));
        Render.items(out, "vpcSet", page.items(), (o, v) -> vpc(o, v, "available"));
        Render.nextToken(out, page.nextToken());
    }

    private static void associateCidr(Request r, XmlWriter out) {
        String vpcId = r.params().required("VpcId");
        Vpc.CidrBlock block = r.cloud().vpcs().associateCidrBlock(r.caller(), vpcId, r.params().string("CidrBlock"),
                r.params().flag("AmazonProvidedIpv6CidrBlock"), r.now());
        out.element("vpcId", vpcId);
        if (block.cidr().v6()) {
            out.open("ipv6CidrBlockAssociation");
            ipv6Block(out, block, "associated");
            out.close("ipv6CidrBlockAssociation");
        } else {
            out.open("cidrBlockAssociation");
            ipv4Block(out, block, "associated");
            out.close("cidrBlockAssociation");
        }
    }

    private static void describeAttribute(Request r, XmlWriter out) {
        Vpc vpc = r.cloud().requireVpc(r.caller(), r.params().required("VpcId"));
        String attribute = r.params().required("Attribute");
        out.element("vpcId", vpc.id());
        switch (attribute) {
            case "enableDnsSupport" -> out.open("enableDnsSupport").element("value", vpc.enableDnsSupport())
                    .close("enableDnsSupport");
            case "enableDnsHostnames" -> out.open("enableDnsHostnames").element("value", vpc.enableDnsHostnames())
                    .close("enableDnsHostnames");
            default -> throw io.peerdesk.sim.cloud.CloudException.invalidParameterValue(
                    "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
    }

    private static void createSubnet(Request r, XmlWriter out) {
        String az = r.params().string("AvailabilityZone");
        if (az == null) {
            az = r.params().string("AvailabilityZoneId");
        }
        Subnet subnet = r.cloud().vpcs().createSubnet(r.caller(), r.params().required("VpcId"),
                r.params().required("CidrBlock"), r.params().string("Ipv6CidrBlock"), az,
                r.params().tagSpecifications("subnet"));
        out.open("subnet");
        subnet(out, subnet, "pending");
        out.close("subnet");
    }

    private static void describeSubnets(Request r, XmlWriter out) {
        var page = SUBNETS.run(r.cloud().visible(r.cloud().allSubnets(), r.caller()), r.params().list("SubnetId"),
                r.params(), Render.notFound("InvalidSubnetID.NotFound", "The subnet ID '%s' does not exist"));
        Render.items(out, "subnetSet", page.items(), (o, s) -> subnet(o, s, "available"));
        Render.nextToken(out, page.nextToken());
    }

    static void vpc(XmlWriter out, Vpc vpc, String state) {
        out.element("vpcId", vpc.id())
                .element("ownerId", vpc.ownerId())
                .element("state", state)
                .element("cidrBlock", vpc.primaryCidr());
        Render.items(out, "cidrBlockAssociationSet", vpc.ipv4Blocks(), (o, b) -> ipv4Block(o, b, "associated"));
        Render.items(out, "ipv6CidrBlockAssociationSet", vpc.ipv6Blocks(), (o, b) -> ipv6Block(o, b, "associated"));
        out.element("dhcpOptionsId", vpc.dhcpOptionsId())
                .element("instanceTenancy", vpc.instanceTenancy())
                .element("isDefault", false);
        Render.tags(out, vpc.tags().asMap());
    }

    private static void ipv4Block(XmlWriter out, Vpc.CidrBlock b, String state) {
        out.element("associationId", b.associationId()).element("cidrBlock", b.cidr())
                .open("cidrBlockState").element("state", state).close("cidrBlockState");
    }

    private static void ipv6Block(XmlWriter out, Vpc.CidrBlock b, String state) {
        out.element("associationId", b.associationId()).element("ipv6CidrBlock", b.cidr())
                .open("ipv6CidrBlockState").element("state", state).close("ipv6CidrBlockState")
                .element("networkBorderGroup", null)
                .element("ipv6Pool", "Amazon");
    }

    static void subnet(XmlWriter out, Subnet s, String state) {
        out.element("subnetId", s.id())
                .element("subnetArn", "arn:aws:ec2:" + s.region() + ":" + s.ownerId() + ":subnet/" + s.id())
                .element("state", state)
                .element("ownerId", s.ownerId())
                .element("vpcId", s.vpcId())
                .element("cidrBlock", s.cidr())
                .element("availableIpAddressCount", s.availableIpAddressCount())
                .element("availabilityZone", s.availabilityZone())
                .element("availabilityZoneId", zoneId(s))
                .element("defaultForAz", false)
                .element("mapPublicIpOnLaunch", false)
                .element("assignIpv6AddressOnCreation", false);
        List<Subnet> v6 = new ArrayList<>();
        if (s.ipv6Cidr() != null) {
            v6.add(s);
        }
        Render.items(out, "ipv6CidrBlockAssociationSet", v6, (o, x) -> o.element("associationId", x.ipv6AssociationId())
                .element("ipv6CidrBlock", x.ipv6Cidr())
                .open("ipv6CidrBlockState").element("state", "associated").close("ipv6CidrBlockState"));
        Render.tags(out, s.tags().asMap());
    }

    private static String zoneId(Subnet s) {
        for (var z : io.peerdesk.sim.cloud.Regions.zones(s.region())) {
            if (z.name().equals(s.availabilityZone())) {
                return z.zoneId();
            }
        }
        return null;
    }

    static void gateway(XmlWriter out, InternetGateway igw) {
        out.element("internetGatewayId", igw.id()).element("ownerId", igw.ownerId());
        List<String> attached = igw.attachedVpcId() == null ? List.of() : List.of(igw.attachedVpcId());
        Render.items(out, "attachmentSet", attached, (o, v) -> o.element("vpcId", v).element("state", "available"));
        Render.tags(out, igw.tags().asMap());
    }
}

package io.peerdesk.sim.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.peerdesk.sim.api.Ec2Service;
import io.peerdesk.sim.cloud.Caller;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates a {@link SeedWorld} through the EC2 API itself, so a seeded world is journaled and
 * checked by exactly the rules every other request meets. A seed that breaks a rule stops with
 * the AWS error and the name of the resource that caused it.
 */
public final class SeedLoader {

    /** The built-in demo world, selected with {@code --seed demo}. */
    public static final String DEMO = "demo";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Ec2Service ec2;
    private final Map<String, String> vpcIds = new HashMap<>();
    private final Map<String, Caller> vpcOwners = new HashMap<>();

    public SeedLoader(Ec2Service ec2) {
        this.ec2 = ec2;
    }

    /** Reads a seed: {@code demo} for the built-in world, else a YAML or JSON file. */
    public static SeedWorld read(String seed) throws IOException {
        if (DEMO.equals(seed)) {
            try (InputStream in = SeedLoader.class.getResourceAsStream("demo-world.yaml")) {
                return YAML.readValue(in, SeedWorld.class);
            }
        }
        Path file = Path.of(seed);
        if (!Files.isRegularFile(file)) {
            throw new IOException("seed file " + file.toAbsolutePath() + " does not exist");
        }
        try {
            return YAML.readValue(file.toFile(), SeedWorld.class); // YAML is a superset of JSON
        } catch (IOException e) {
            throw new IOException("seed file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Creates everything; returns the number of VPCs created. */
    public int load(SeedWorld world) {
        checkReferences(world);
        int created = 0;
        for (SeedWorld.Account account : world.accounts()) {
            for (SeedWorld.Vpc vpc : account.vpcs()) {
                createVpc(new Caller(account.id(), vpc.region()), vpc);
                created++;
            }
        }
        for (SeedWorld.Peering p : world.peerings()) {
            peer(p);
        }
        return created;
    }

    /**
     * What can be checked before anything is created, so that such a mistake leaves no partial
     * world behind: account ids, and the VPC names peerings refer to — each used once (a second
     * VPC of the same name would silently take the first one's place in every later reference).
     */
    private static void checkReferences(SeedWorld world) {
        Set<String> names = new HashSet<>();
        for (SeedWorld.Account account : world.accounts()) {
            if (!Caller.isAccountId(account.id())) {
                throw new IllegalArgumentException("seed: account id '" + account.id() + "' must be 12 digits");
            }
            for (SeedWorld.Vpc vpc : account.vpcs()) {
                if (vpc.name() != null && !names.add(vpc.name())) {
                    throw new IllegalArgumentException("seed: the VPC name '" + vpc.name() + "' is used twice");
                }
            }
        }
        for (SeedWorld.Peering p : world.peerings()) {
            if (!names.contains(p.requester()) || !names.contains(p.accepter())) {
                throw new IllegalArgumentException("seed: peering " + p.requester() + " → " + p.accepter()
                        + " names a VPC the seed does not create");
            }
        }
    }

    private void createVpc(Caller caller, SeedWorld.Vpc spec) {
        Map<String, String> p = named("vpc", spec.name());
        p.put("CidrBlock", spec.cidr());
        if (spec.ipv6()) {
            p.put("AmazonProvidedIpv6CidrBlock", "true");
        }
        String vpcXml = call(caller, "CreateVpc", p, spec.name());
        String vpcId = element(vpcXml, "vpcId");
        vpcIds.put(spec.name(), vpcId);
        vpcOwners.put(spec.name(), caller);
        for (String cidr : spec.secondaryCidrs()) {
            call(caller, "AssociateVpcCidrBlock", Map.of("VpcId", vpcId, "CidrBlock", cidr), spec.name());
        }
        String igwId = null;
        if (spec.internetGateway()) {
            igwId = element(call(caller, "CreateInternetGateway", named("internet-gateway", spec.name() + "-igw"),
                    spec.name()), "internetGatewayId");
            call(caller, "AttachInternetGateway", Map.of("InternetGatewayId", igwId, "VpcId", vpcId), spec.name());
        }
        Map<String, String> subnetIds = new HashMap<>();
        for (SeedWorld.Subnet s : spec.subnets()) {
            Map<String, String> sp = named("subnet", s.name());
            sp.put("VpcId", vpcId);
            sp.put("CidrBlock", s.cidr());
            if (s.az() != null) {
                sp.put("AvailabilityZone", s.az());
            }
            subnetIds.put(s.name(), element(call(caller, "CreateSubnet", sp, s.name()), "subnetId"));
        }
        for (SeedWorld.RouteTable rt : spec.routeTables()) {
            Map<String, String> rp = named("route-table", rt.name());
            rp.put("VpcId", vpcId);
            String rtbId = element(call(caller, "CreateRouteTable", rp, rt.name()), "routeTableId");
            for (String subnet : rt.subnets()) {
                call(caller, "AssociateRouteTable", Map.of("RouteTableId", rtbId, "SubnetId",
                        require(subnetIds, subnet, rt.name())), rt.name());
            }
            if (rt.internetRoute()) {
                if (igwId == null) {
                    throw new IllegalArgumentException("seed: route table " + rt.name()
                            + " wants an internet route but VPC " + spec.name() + " has no internet gateway");
                }
                call(caller, "CreateRoute", Map.of("RouteTableId", rtbId, "DestinationCidrBlock", "0.0.0.0/0",
                        "GatewayId", igwId), rt.name());
            }
        }
        Map<String, String> groupIds = new HashMap<>();
        for (SeedWorld.SecurityGroup sg : spec.securityGroups()) {
            Map<String, String> gp = named("security-group", sg.name());
            gp.put("VpcId", vpcId);
            gp.put("GroupName", sg.name());
            gp.put("GroupDescription", sg.description() == null ? sg.name() : sg.description());
            groupIds.put(sg.name(), element(call(caller, "CreateSecurityGroup", gp, sg.name()), "groupId"));
        }
        for (SeedWorld.SecurityGroup sg : spec.securityGroups()) {
            authorize(caller, groupIds, sg, "AuthorizeSecurityGroupIngress", sg.ingress());
            authorize(caller, groupIds, sg, "AuthorizeSecurityGroupEgress", sg.egress());
        }
        for (SeedWorld.NetworkAcl acl : spec.networkAcls()) {
            createAcl(caller, vpcId, subnetIds, acl);
        }
    }

    private void authorize(Caller caller, Map<String, String> groupIds, SeedWorld.SecurityGroup sg, String action,
                           java.util.List<SeedWorld.Rule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("GroupId", groupIds.get(sg.name()));
        int i = 1;
        for (SeedWorld.Rule r : rules) {
            String prefix = "IpPermissions." + i++ + ".";
            p.put(prefix + "IpProtocol", r.protocol());
            int[] ports = ports(r.ports());
            if (ports != null) {
                p.put(prefix + "FromPort", Integer.toString(ports[0]));
                p.put(prefix + "ToPort", Integer.toString(ports[1]));
            }
            if (r.group() != null) {
                p.put(prefix + "Groups.1.GroupId", require(groupIds, r.group(), sg.name()));
                putIfPresent(p, prefix + "Groups.1.Description", r.description());
            } else {
                p.put(prefix + "IpRanges.1.CidrIp", r.cidr());
                putIfPresent(p, prefix + "IpRanges.1.Description", r.description());
            }
        }
        call(caller, action, p, sg.name());
    }

    private void createAcl(Caller caller, String vpcId, Map<String, String> subnetIds, SeedWorld.NetworkAcl acl) {
        Map<String, String> ap = named("network-acl", acl.name());
        ap.put("VpcId", vpcId);
        String aclId = element(call(caller, "CreateNetworkAcl", ap, acl.name()), "networkAclId");
        for (SeedWorld.AclEntry e : acl.entries()) {
            Map<String, String> ep = new LinkedHashMap<>();
            ep.put("NetworkAclId", aclId);
            ep.put("RuleNumber", Integer.toString(e.rule()));
            ep.put("Egress", Boolean.toString(e.egress()));
            ep.put("Protocol", e.protocol());
            ep.put("RuleAction", e.action());
            ep.put("CidrBlock", e.cidr());
            int[] ports = ports(e.ports());
            if (ports != null) {
                ep.put("PortRange.From", Integer.toString(ports[0]));
                ep.put("PortRange.To", Integer.toString(ports[1]));
            }
            call(caller, "CreateNetworkAclEntry", ep, acl.name());
        }
        String described = call(caller, "DescribeNetworkAcls", Map.of("Filter.1.Name", "vpc-id",
                "Filter.1.Value.1", vpcId, "Filter.2.Name", "default", "Filter.2.Value.1", "true"), acl.name());
        for (String subnet : acl.subnets()) {
            String subnetId = require(subnetIds, subnet, acl.name());
            String association = associationOf(described, subnetId);
            call(caller, "ReplaceNetworkAclAssociation", Map.of("AssociationId", association, "NetworkAclId", aclId),
                    acl.name());
        }
    }

    private void peer(SeedWorld.Peering p) {
        Caller requester = vpcOwners.get(p.requester());
        Caller accepter = vpcOwners.get(p.accepter());
        if (requester == null || accepter == null) {
            throw new IllegalArgumentException("seed: peering " + p.requester() + " → " + p.accepter()
                    + " names a VPC the seed does not create");
        }
        String pcx = element(call(requester, "CreateVpcPeeringConnection", Map.of(
                "VpcId", vpcIds.get(p.requester()), "PeerVpcId", vpcIds.get(p.accepter()),
                "PeerOwnerId", accepter.accountId(), "PeerRegion", accepter.region()),
                p.requester()), "vpcPeeringConnectionId");
        if (p.accept()) {
            call(accepter, "AcceptVpcPeeringConnection", Map.of("VpcPeeringConnectionId", pcx), p.accepter());
        }
    }

    private String call(Caller caller, String action, Map<String, String> params, String what) {
        Ec2Service.Ec2Reply reply = ec2.handle(caller, action, params);
        if (reply.status() != 200) {
            throw new IllegalArgumentException("seed: " + action + " for '" + what + "' was refused: "
                    + element(reply.xml(), "Code") + ": " + element(reply.xml(), "Message"));
        }
        return reply.xml();
    }

    private static Map<String, String> named(String resourceType, String name) {
        Map<String, String> p = new LinkedHashMap<>();
        if (name != null) {
            p.put("TagSpecification.1.ResourceType", resourceType);
            p.put("TagSpecification.1.Tag.1.Key", "Name");
            p.put("TagSpecification.1.Tag.1.Value", name);
        }
        return p;
    }

    private static int[] ports(String ports) {
        if (ports == null || ports.isBlank()) {
            return null;
        }
        String[] parts = ports.trim().split("-");
        try {
            int from = Integer.parseInt(parts[0].trim());
            int to = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : from;
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed: ports '" + ports + "' must look like 443 or 8000-8100");
        }
    }

    private static String require(Map<String, String> ids, String name, String where) {
        String id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("seed: '" + where + "' refers to '" + name + "', which is not defined");
        }
        return id;
    }

    private static void putIfPresent(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    private static String associationOf(String aclXml, String subnetId) {
        Matcher m = Pattern.compile("<networkAclAssociationId>([^<]+)</networkAclAssociationId>"
                + "(?:(?!</item>).)*?<subnetId>" + Pattern.quote(subnetId) + "</subnetId>", Pattern.DOTALL).matcher(aclXml);
        if (!m.find()) {
            throw new IllegalStateException("seed: no network ACL association found for " + subnetId);
        }
        return m.group(1);
    }

    static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }
}

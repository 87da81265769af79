package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.IpAddress;

import java.time.Instant;
import java.util.Map;

/** VPCs, their CIDR blocks, subnets and internet gateways. */
public final class Vpcs {

    private static final Cidr AMAZON_IPV6_POOL = Cidr.parse("2600:1f00::/24");

    private final Cloud cloud;

    Vpcs(Cloud cloud) {
        this.cloud = cloud;
    }

    /**
     * CreateVpc: a VPC with its main route table (local route), default network ACL (allow all)
     * and default security group. The block must be /16 to /28; it is canonicalised.
     */
    public Vpc createVpc(Caller caller, String cidrBlock, boolean amazonIpv6, String tenancy, Map<String, String> tags) {
        Cidr cidr = Cidrs.parseV4(cidrBlock, "cidrBlock");
        checkVpcRange(cidr);
        String instanceTenancy = tenancy == null ? "default" : tenancy;
        if (!instanceTenancy.equals("default") && !instanceTenancy.equals("dedicated")) {
            throw CloudException.invalidParameterValue("Value (" + tenancy + ") for parameter instanceTenancy is invalid.");
        }
        Tags.validate(tags);

        Vpc vpc = new Vpc(cloud.nextId("vpc"), caller.accountId(), caller.region(), cloud.nextSequence(),
                "dopt-" + Long.toHexString(caller.region().hashCode() & 0xffffffffL), instanceTenancy);
        vpc.addBlock(new Vpc.CidrBlock(cloud.nextId("vpc-cidr-assoc"), cidr));
        if (amazonIpv6) {
            vpc.addBlock(new Vpc.CidrBlock(cloud.nextId("vpc-cidr-assoc"), allocateIpv6()));
        }
        vpc.tags().putAll(tags);
        cloud.vpcs.put(vpc.id(), vpc);

        RouteTable main = cloud.routing().newRouteTable(vpc);
        main.addAssociation(new RouteTable.Association(cloud.nextId("rtbassoc"), null, true));
        vpc.mainRouteTableId = main.id();
        vpc.defaultNetworkAclId = cloud.networkAcls().newNetworkAcl(vpc, true).id();
        vpc.defaultSecurityGroupId = cloud.securityGroups().newDefaultGroup(vpc).id();
        return vpc;
    }

    /** DeleteVpc: refused while anything still depends on it; an active peering goes with it. */
    public void deleteVpc(Caller caller, String vpcId, Instant now) {
        Vpc vpc = cloud.requireVpc(caller, vpcId);
        boolean dependents = !vpc.subnetIds.isEmpty()
                || vpc.routeTableIds.size() > 1
                || vpc.networkAclIds.size() > 1
                || vpc.securityGroupIds.size() > 1
                || cloud.internetGateways.values().stream().anyMatch(g -> vpcId.equals(g.attachedVpcId));
        if (dependents) {
            throw new CloudException("DependencyViolation",
                    "The vpc '" + vpcId + "' has dependencies and cannot be deleted.");
        }
        for (String pcxId : vpc.peeringIds) {
            PeeringConnection p = cloud.peerings.get(pcxId);
            // only a request *from* another account blocks (it must be rejected first); the
            // requester's own pending request is deleted with its VPC, as AWS does
            if (p.stateAt(now) == PeeringState.PENDING_ACCEPTANCE && p.isCrossAccount()
                    && p.accepter().vpcId().equals(vpcId)) {
                throw new CloudException("DependencyViolation", "The vpc '" + vpcId
                        + "' has a pending peering request from another account (" + pcxId
                        + ") that must be rejected or deleted first.");
            }
        }
        for (String pcxId : vpc.peeringIds) {
            PeeringConnection p = cloud.peerings.get(pcxId);
            PeeringState state = p.stateAt(now);
            if (state == PeeringState.ACTIVE || state == PeeringState.PROVISIONING
                    || state == PeeringState.PENDING_ACCEPTANCE) {
                cloud.peerings().markDeleted(p, caller.accountId(), now);
            }
        }
        cloud.routeTables.remove(vpc.mainRouteTableId);
        cloud.networkAcls.remove(vpc.defaultNetworkAclId);
        cloud.securityGroups.remove(vpc.defaultSecurityGroupId);
        cloud.vpcs.remove(vpcId);
    }

    /** AssociateVpcCidrBlock: a secondary IPv4 block (up to five in all) or an Amazon IPv6 /56. */
    public Vpc.CidrBlock associateCidrBlock(Caller caller, String vpcId, String cidrBlock, boolean amazonIpv6,
                                            Instant now) {
        Vpc vpc = cloud.requireVpc(caller, vpcId);
        if (cidrBlock == null && !amazonIpv6) {
            throw CloudException.missingParameter("cidrBlock");
        }
        Cidr cidr;
        if (cidrBlock != null) {
            cidr = Cidrs.parseV4(cidrBlock, "cidrBlock");
            checkVpcRange(cidr);
            if (vpc.ipv4Blocks().size() >= Vpc.MAX_IPV4_BLOCKS) {
                throw new CloudException("CidrLimitExceeded", "This network '" + vpcId
                        + "' has met its maximum number of allowed CIDRs: " + Vpc.MAX_IPV4_BLOCKS);
            }
            for (Cidr existing : vpc.allCidrs()) {
                if (existing.overlaps(cidr)) {
                    throw new CloudException("InvalidVpc.Range", "The CIDR '" + cidr
                            + "' conflicts with another CIDR block of the VPC (" + existing + ").");
                }
            }
            checkNoPeerOverlap(vpc, cidr, now);
        } else {
            if (!vpc.ipv6Blocks().isEmpty()) {
                throw new CloudException("CidrLimitExceeded", "This network '" + vpcId
                        + "' has met its maximum number of allowed IPv6 CIDRs: 1");
            }
            cidr = allocateIpv6();
        }
        Vpc.CidrBlock block = new Vpc.CidrBlock(cloud.nextId("vpc-cidr-assoc"), cidr);
        vpc.addBlock(block);
        for (String rtbId : vpc.routeTableIds) {
            cloud.routeTables.get(rtbId).addRoute(Route.local(cidr));
        }
        if (cidr.v6()) {
            cloud.networkAcls().addIpv6Defaults(vpc);
        }
        return block;
    }

    /** ModifyVpcAttribute: DNS support and DNS hostnames. */
    public void modifyAttribute(Caller caller, String vpcId, Boolean dnsSupport, Boolean dnsHostnames) {
        Vpc vpc = cloud.requireVpc(caller, vpcId);
        if ((dnsSupport == null) == (dnsHostnames == null)) {
            throw CloudException.invalidParameterValue(
                    "Exactly one of EnableDnsSupport and EnableDnsHostnames must be given per request.");
        }
        if (dnsSupport != null) {
            vpc.enableDnsSupport = dnsSupport;
        } else {
            vpc.enableDnsHostnames = dnsHostnames;
        }
    }

    /** CreateSubnet: /16 to /28, inside one of the VPC's blocks, overlapping no other subnet. */
    public Subnet createSubnet(Caller caller, String vpcId, String cidrBlock, String ipv6CidrBlock, String zone,
                               Map<String, String> tags) {
        Vpc vpc = cloud.requireVpc(caller, vpcId);
        Cidr cidr = Cidrs.parseV4(cidrBlock, "cidrBlock");
        if (cidr.prefix() < 16 || cidr.prefix() > 28
                || vpc.ipv4Blocks().stream().noneMatch(b -> b.cidr().contains(cidr))) {
            throw new CloudException("InvalidSubnet.Range", "The CIDR '" + cidrBlock + "' is invalid.");
        }
        Cidr ipv6 = null;
        if (ipv6CidrBlock != null) {
            ipv6 = Cidrs.parseV6(ipv6CidrBlock, "ipv6CidrBlock");
            Cidr v6 = ipv6;
            if (v6.prefix() != 64 || vpc.ipv6Blocks().stream().noneMatch(b -> b.cidr().contains(v6))) {
                throw new CloudException("InvalidSubnet.Range", "The IPv6 CIDR '" + ipv6CidrBlock + "' is invalid.");
            }
        }
        for (String id : vpc.subnetIds) {
            Subnet other = cloud.subnets.get(id);
            if (other.cidr().overlaps(cidr)) {
                throw new CloudException("InvalidSubnet.Conflict",
                        "The CIDR '" + cidr + "' conflicts with another subnet");
            }
            if (ipv6 != null && other.ipv6Cidr() != null && other.ipv6Cidr().overlaps(ipv6)) {
                throw new CloudException("InvalidSubnet.Conflict",
                        "The CIDR '" + ipv6 + "' conflicts with another subnet");
            }
        }
        String az = chooseZone(caller.region(), zone, vpc.subnetIds.size());
        Tags.validate(tags);

        Subnet subnet = new Subnet(cloud.nextId("subnet"), caller.accountId(), caller.region(), cloud.nextSequence(),
                vpcId, az, cidr, ipv6, ipv6 == null ? null : cloud.nextId("subnet-cidr-assoc"));
        subnet.tags().putAll(tags);
        cloud.subnets.put(subnet.id(), subnet);
        vpc.subnetIds.add(subnet.id());
        cloud.networkAcls().associateDefault(vpc, subnet);
        return subnet;
    }

    /** DeleteSubnet: its route-table and network-ACL associations go with it. */
    public void deleteSubnet(Caller caller, String subnetId) {
        Subnet subnet = cloud.requireSubnet(caller, subnetId);
        if (subnet.routeTableId != null) {
            RouteTable rt = cloud.routeTables.get(subnet.routeTableId);
            rt.associations().stream().filter(a -> subnetId.equals(a.subnetId())).findFirst()
                    .ifPresent(rt::removeAssociation);
        }
        NetworkAcl acl = cloud.networkAcls.get(subnet.networkAclId);
        acl.removeAssociation(acl.association(subnetId));
        cloud.vpcs.get(subnet.vpcId()).subnetIds.remove(subnetId);
        cloud.subnets.remove(subnetId);
    }

    public InternetGateway createInternetGateway(Caller caller, Map<String, String> tags) {
        Tags.validate(tags);
        InternetGateway igw = new InternetGateway(cloud.nextId("igw"), caller.accountId(), caller.region(),
                cloud.nextSequence());
        igw.tags().putAll(tags);
        cloud.internetGateways.put(igw.id(), igw);
        return igw;
    }

    public void attachInternetGateway(Caller caller, String igwId, String vpcId) {
        InternetGateway igw = cloud.requireInternetGateway(caller, igwId);
        cloud.requireVpc(caller, vpcId);
        if (igw.attachedVpcId != null) {
            throw new CloudException("Resource.AlreadyAssociated",
                    "resource " + igwId + " is already attached to network " + igw.attachedVpcId);
        }
        for (InternetGateway other : cloud.internetGateways.values()) {
            if (vpcId.equals(other.attachedVpcId)) {
                throw new CloudException("Resource.AlreadyAssociated",
                        "resource " + vpcId + " already has an internet gateway attached (" + other.id() + ")");
            }
        }
        igw.attachedVpcId = vpcId;
    }

    public void detachInternetGateway(Caller caller, String igwId, String vpcId) {
        InternetGateway igw = cloud.requireInternetGateway(caller, igwId);
        cloud.requireVpc(caller, vpcId);
        if (!vpcId.equals(igw.attachedVpcId)) {
            throw new CloudException("Gateway.NotAttached",
                    "resource " + igwId + " is not attached to network " + vpcId);
        }
        igw.attachedVpcId = null;
    }

    public void deleteInternetGateway(Caller caller, String igwId) {
        InternetGateway igw = cloud.requireInternetGateway(caller, igwId);
        if (igw.attachedVpcId != null) {
            throw new CloudException("DependencyViolation",
                    "The internetGateway '" + igwId + "' has dependencies and cannot be deleted.");
        }
        cloud.internetGateways.remove(igwId);
    }

    private static void checkVpcRange(Cidr cidr) {
        if (cidr.prefix() < 16 || cidr.prefix() > 28) {
            throw new CloudException("InvalidVpc.Range", "The CIDR '" + cidr + "' is invalid.");
        }
    }

    /** A new block may not overlap a VPC this one is peered with (pending or active). */
    private void checkNoPeerOverlap(Vpc vpc, Cidr cidr, Instant now) {
        for (String pcxId : vpc.peeringIds) {
            PeeringConnection p = cloud.peerings.get(pcxId);
            if (!p.stateAt(now).isLive()) {
                continue;
            }
            Vpc peer = cloud.vpcs.get(p.peerOf(vpc.id()).vpcId());
            if (peer == null) {
                continue;
            }
            for (Cidr theirs : peer.allCidrs()) {
                if (theirs.overlaps(cidr)) {
                    throw new CloudException("InvalidVpc.Range", "The CIDR '" + cidr + "' overlaps " + theirs
                            + " of " + peer.id() + ", peered through " + pcxId + ".");
                }
            }
        }
    }

    private String chooseZone(String region, String zone, int spread) {
        var zones = Regions.zones(region);
        if (zone == null) {
            return zones.get(spread % zones.size()).name();
        }
        for (Regions.Zone z : zones) {
            if (z.name().equals(zone) || z.zoneId().equals(zone)) {
                return z.name();
            }
        }
        throw CloudException.invalidParameterValue("Value (" + zone
                + ") for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: "
                + String.join(", ", zones.stream().map(Regions.Zone::name).toList()) + ".");
    }

    private Cidr allocateIpv6() {
        long n = cloud.nextSequence() & 0xFFFF_FFFFL;
        long hi = AMAZON_IPV6_POOL.network().hi() | (n << 8);
        return new Cidr(new IpAddress(true, hi, 0), 56);
    }
}

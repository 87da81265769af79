package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.IpAddress;

/** A subnet: one IPv4 block inside its VPC (and optionally an IPv6 /64), in one availability zone. */
public final class Subnet extends Resource {

    /** Pinned (see {@code Cloud}): snapshots written by earlier builds stay readable. */
    private static final long serialVersionUID = 5609125869192468919L;

    /** AWS reserves the first four addresses and the last one of every subnet. */
    static final int RESERVED_ADDRESSES = 5;

    private final String vpcId;
    private final String availabilityZone;
    private final Cidr cidr;
    private final Cidr ipv6Cidr;
    private final String ipv6AssociationId;
    /** The explicitly associated route table, or null for the VPC's main table. */
    String routeTableId;
    String networkAclId;

    Subnet(String id, String ownerId, String region, long sequence, String vpcId, String availabilityZone,
           Cidr cidr, Cidr ipv6Cidr, String ipv6AssociationId) {
        super(id, ownerId, region, sequence);
        this.vpcId = vpcId;
        this.availabilityZone = availabilityZone;
        this.cidr = cidr;
        this.ipv6Cidr = ipv6Cidr;
        this.ipv6AssociationId = ipv6AssociationId;
    }

    public String vpcId() {
        return vpcId;
    }

    public String availabilityZone() {
        return availabilityZone;
    }

    public Cidr cidr() {
        return cidr;
    }

    public Cidr ipv6Cidr() {
        return ipv6Cidr;
    }

    public String ipv6AssociationId() {
        return ipv6AssociationId;
    }

    public long availableIpAddressCount() {
        return cidr.size() - RESERVED_ADDRESSES;
    }

    public boolean contains(IpAddress address) {
        return cidr.contains(address) || (ipv6Cidr != null && ipv6Cidr.contains(address));
    }

    /** The first address AWS hands out (the network address plus four). */
    public IpAddress firstUsableAddress() {
        return cidr.first().plus(4);
    }

    /** True for the network address, the three after it and the broadcast address. */
    public boolean isReserved(IpAddress address) {
        if (address.v6() || !cidr.contains(address)) {
            return false;
        }
        long offset = address.lo() - cidr.first().lo();
        return offset < 4 || address.equals(cidr.last());
    }
}

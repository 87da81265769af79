package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.Subnet;
import io.peerdesk.sim.cloud.Vpc;
import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.IpAddress;

/** Address tests for the analyzer's hot path: masks compared in place, nothing allocated. */
final class Nets {

    private Nets() {
    }

    static boolean contains(Cidr cidr, IpAddress address) {
        IpAddress network = cidr.network();
        if (network.v6() != address.v6()) {
            return false;
        }
        int prefix = cidr.prefix();
        if (!address.v6()) {
            long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
            return (address.lo() & mask) == network.lo();
        }
        long hiMask = prefix >= 64 ? -1L : (prefix == 0 ? 0 : -1L << (64 - prefix));
        long loMask = prefix <= 64 ? 0 : (prefix == 128 ? -1L : -1L << (128 - prefix));
        return (address.hi() & hiMask) == network.hi() && (address.lo() & loMask) == network.lo();
    }

    static boolean inSubnet(Subnet subnet, IpAddress address) {
        return contains(subnet.cidr(), address) || (subnet.ipv6Cidr() != null && contains(subnet.ipv6Cidr(), address));
    }

    static boolean inVpc(Vpc vpc, IpAddress address) {
        for (Vpc.CidrBlock block : address.v6() ? vpc.ipv6Blocks() : vpc.ipv4Blocks()) {
            if (contains(block.cidr(), address)) {
                return true;
            }
        }
        return false;
    }

    /** The subnet of {@code vpc} holding the address, by the VPC's own index; null when none does. */
    static Subnet subnetOf(Cloud cloud, Vpc vpc, IpAddress address) {
        for (String id : vpc.subnetIds()) {
            Subnet subnet = cloud.subnet(id);
            if (subnet != null && inSubnet(subnet, address)) {
                return subnet;
            }
        }
        return null;
    }
}

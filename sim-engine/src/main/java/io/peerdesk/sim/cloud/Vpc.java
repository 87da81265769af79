package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.IpAddress;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A VPC: a primary IPv4 block, up to four secondary ones, optional IPv6 blocks. */
public final class Vpc extends Resource {

    /** Pinned (see {@code Cloud}): snapshots written by earlier builds stay readable. */
    private static final long serialVersionUID = -1415380623137230632L;

    /** One associated CIDR block ({@code vpc-cidr-assoc-…}). */
    public record CidrBlock(String associationId, Cidr cidr) implements Serializable {
    }

    static final int MAX_IPV4_BLOCKS = 5;

    private final List<CidrBlock> ipv4Blocks = new ArrayList<>();
    private final List<CidrBlock> ipv6Blocks = new ArrayList<>();
    private final String dhcpOptionsId;
    private final String instanceTenancy;
    boolean enableDnsSupport = true;
    boolean enableDnsHostnames;
    String mainRouteTableId;
    String defaultNetworkAclId;
    String defaultSecurityGroupId;
    /** Indexes of what belongs to this VPC, so lookups by VPC do not scan the whole cloud. */
    final Set<String> subnetIds = new LinkedHashSet<>();
    final Set<String> routeTableIds = new LinkedHashSet<>();
    final Set<String> networkAclIds = new LinkedHashSet<>();
    final Set<String> securityGroupIds = new LinkedHashSet<>();
    final Set<String> peeringIds = new LinkedHashSet<>();

    Vpc(String id, String ownerId, String region, long sequence, String dhcpOptionsId, String instanceTenancy) {
        super(id, ownerId, region, sequence);
        this.dhcpOptionsId = dhcpOptionsId;
        this.instanceTenancy = instanceTenancy;
    }

    public Cidr primaryCidr() {
        return ipv4Blocks.get(0).cidr();
    }

    public List<CidrBlock> ipv4Blocks() {
        return Collections.unmodifiableList(ipv4Blocks);
    }

    public List<CidrBlock> ipv6Blocks() {
        return Collections.unmodifiableList(ipv6Blocks);
    }

    /** Every IPv4 and IPv6 block, primary first. */
    public List<Cidr> allCidrs() {
        List<Cidr> all = new ArrayList<>(ipv4Blocks.size() + ipv6Blocks.size());
        ipv4Blocks.forEach(b -> all.add(b.cidr()));
        ipv6Blocks.forEach(b -> all.add(b.cidr()));
        return all;
    }

    public boolean contains(IpAddress address) {
        for (CidrBlock b : address.v6() ? ipv6Blocks : ipv4Blocks) {
            if (b.cidr().contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The pairs of blocks (one of this VPC, one of the other) that overlap; empty when none do. */
    public List<Cidr[]> overlapsWith(Vpc other) {
        List<Cidr[]> pairs = new ArrayList<>();
        for (Cidr mine : allCidrs()) {
            for (Cidr theirs : other.allCidrs()) {
                if (mine.overlaps(theirs)) {
                    pairs.add(new Cidr[] {mine, theirs});
                }
            }
        }
        return pairs;
    }

    public Set<String> subnetIds() {
        return Collections.unmodifiableSet(subnetIds);
    }

    public Set<String> routeTableIds() {
        return Collections.unmodifiableSet(routeTableIds);
    }

    public Set<String> networkAclIds() {
        return Collections.unmodifiableSet(networkAclIds);
    }

    public Set<String> securityGroupIds() {
        return Collections.unmodifiableSet(securityGroupIds);
    }

    public Set<String> peeringIds() {
        return Collections.unmodifiableSet(peeringIds);
    }

    public String dhcpOptionsId() {
        return dhcpOptionsId;
    }

    public String instanceTenancy() {
        return instanceTenancy;
    }

    public boolean enableDnsSupport() {
        return enableDnsSupport;
    }

    public boolean enableDnsHostnames() {
        return enableDnsHostnames;
    }

    public String mainRouteTableId() {
        return mainRouteTableId;
    }

    public String defaultNetworkAclId() {
        return defaultNetworkAclId;
    }

    public String defaultSecurityGroupId() {
        return defaultSecurityGroupId;
    }

    void addBlock(CidrBlock block) {
        (block.cidr().v6() ? ipv6Blocks : ipv4Blocks).add(block);
    }

    boolean removeBlock(String associationId) {
        return ipv4Blocks.removeIf(b -> b.associationId().equals(associationId))
                || ipv6Blocks.removeIf(b -> b.associationId().equals(associationId));
    }
}

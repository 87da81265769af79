package io.peerdesk.domain.cloud;

/** A subnet of a VPC; {@code ipv6CidrBlock} is null without IPv6. */
public record Subnet(String subnetId, String name, String cidrBlock, String ipv6CidrBlock, String availabilityZone,
                     int availableIpAddresses, String state) {

    /** The Name tag, or the id when untagged. */
    public String label() {
        return name == null || name.isBlank() ? subnetId : name;
    }
}

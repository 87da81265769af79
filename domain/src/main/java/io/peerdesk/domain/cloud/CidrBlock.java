package io.peerdesk.domain.cloud;

/** An IPv4 or IPv6 block of a VPC and its association state ({@code associated}, …). */
public record CidrBlock(String cidr, boolean ipv6, String state) {
}

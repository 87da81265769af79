package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.CidrBlock;
import io.peerdesk.domain.contract.Prefix;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** CIDR arithmetic for peering checks, on the contract's {@link Prefix}. */
final class Blocks {

    private Blocks() {
    }

    /** A block the cloud reported; empty for anything unreadable (it then matches nothing). */
    static Optional<Prefix> of(String cidr) {
        try {
            return Optional.of(Prefix.parse(cidr));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The VPC's associated blocks (IPv4 and IPv6). */
    static List<Prefix> of(List<CidrBlock> blocks) {
        return blocks.stream().filter(b -> b.state() == null || b.state().equals("associated"))
                .map(b -> of(b.cidr())).flatMap(Optional::stream).toList();
    }

    static boolean inside(Prefix block, List<Prefix> blocks) {
        return blocks.stream().anyMatch(b -> b.contains(block));
    }

    static Optional<Prefix> overlapping(Prefix block, List<Prefix> blocks) {
        return blocks.stream().filter(b -> b.overlaps(block)).findFirst();
    }

    static String list(List<?> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    /** The {@code n}-th address of an IPv4 block, e.g. {@code 10.20.1.4} for n = 4 of 10.20.1.0/24. */
    static String address(Prefix block, int n) {
        long v = block.network().add(BigInteger.valueOf(n)).longValue();
        return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
    }
}

package io.peerdesk.domain.inventory;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range as numbers, for "which VPC holds this address or overlaps this
 * block". Parses CIDR blocks ({@code 10.10.0.0/16}, {@code 2600:1f18::/56}) and single addresses.
 */
record IpRange(int version, BigInteger start, BigInteger end) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,3})?");
    private static final Pattern IPV4_ISH = Pattern.compile("[\\d.]+/\\d*|\\d+(\\.\\d+){3,}.*");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*(/\\d{1,3})?");

    /** A CIDR block or address the cloud reported; empty if it is neither. */
    static Optional<IpRange> of(String cidr) {
        try {
            return Optional.of(parse(cidr.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * What a search term means as addresses: empty when it does not look like an address at all
     * (a name, a partial {@code 10.10}); an {@link IllegalArgumentException} when it looks like one
     * but is not valid ({@code 10.0.0.0/33}, {@code 300.1.1.1}).
     */
    static Optional<IpRange> ofSearch(String term) {
        String s = term.strip();
        boolean v4 = IPV4.matcher(s).matches() || IPV4_ISH.matcher(s).matches();
        boolean v6 = !v4 && IPV6.matcher(s).matches() && (s.contains("::") || s.chars().filter(c -> c == ':').count() >= 2);
        if (!v4 && !v6) {
            return Optional.empty();
        }
        return Optional.of(parse(s));
    }

    boolean overlaps(IpRange other) {
        return version == other.version && start.compareTo(other.end) <= 0 && end.compareTo(other.start) >= 0;
    }

    private static IpRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        boolean v6 = address.contains(":");
        int bits = v6 ? 128 : 32;
        BigInteger value = v6 ? ipv6(address) : ipv4(address);
        int prefix = slash < 0 ? bits : prefix(text.substring(slash + 1), bits, text);
        BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
        BigInteger start = value.subtract(value.mod(size));
        return new IpRange(v6 ? 6 : 4, start, start.add(size).subtract(BigInteger.ONE));
    }

    private static int prefix(String text, int bits, String whole) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix >= 0 && prefix <= bits) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(whole + " is not a valid CIDR block: the prefix length must be 0–" + bits);
    }

    private static BigInteger ipv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(address + " is not a valid IPv4 address");
        }
        long value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                throw new IllegalArgumentException(address + " is not a valid IPv4 address");
            }
            value = value * 256 + Integer.parseInt(part);
        }
        return BigInteger.valueOf(value);
    }

    private static BigInteger ipv6(String address) {
        String[] halves = address.split("::", -1);
        if (halves.length > 2) {
            throw new IllegalArgumentException(address + " is not a valid IPv6 address");
        }
        String[] head = groups(halves[0]);
        String[] tail = halves.length == 2 ? groups(halves[1]) : new String[0];
        int missing = 8 - head.length - tail.length;
        if (halves.length == 1 ? missing != 0 : missing < 1) {
            throw new IllegalArgumentException(address + " is not a valid IPv6 address");
        }
        BigInteger value = BigInteger.ZERO;
        for (String group : head) {
            value = value.shiftLeft(16).add(group(group, address));
        }
        value = value.shiftLeft(16 * (halves.length == 2 ? missing : 0));
        for (String group : tail) {
            value = value.shiftLeft(16).add(group(group, address));
        }
        return value;
    }

    private static String[] groups(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }

    private static BigInteger group(String group, String address) {
        if (!group.matches("[0-9a-fA-F]{1,4}")) {
            throw new IllegalArgumentException(address + " is not a valid IPv6 address");
        }
        return BigInteger.valueOf(Integer.parseInt(group, 16));
    }
}

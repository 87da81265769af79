package io.peerdesk.domain.contract;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An IPv4 or IPv6 CIDR block in canonical form: no host bits set, IPv6 written as RFC 5952 says
 * (lower case, zeros compressed). Unlike a VPC's CIDR, which AWS silently rounds down, a prefix in
 * a contract must be written exactly: {@code 10.0.0.1/16} is refused with the block it probably
 * means ({@code 10.0.0.0/16}), so nobody agrees to something other than what they read.
 */
public record Prefix(BigInteger network, int length, boolean v6) implements Comparable<Prefix> {

    public Prefix {
        Objects.requireNonNull(network, "network");
        if (length < 0 || length > bits(v6)) {
            throw new IllegalArgumentException("prefix length /" + length + " out of range");
        }
        if (!network.equals(mask(network, length, v6))) {
            throw new IllegalArgumentException("host bits set");
        }
    }

    /** Thrown for text that is not a canonical CIDR block; the message says why, for the person who typed it. */
    public static final class Malformed extends IllegalArgumentException {
        Malformed(String message) {
            super(message);
        }
    }

    /** Parses {@code a.b.c.d/n} or an IPv6 {@code x:y::/n}; refuses anything else, and host bits, with a readable reason. */
    public static Prefix parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.length() > 43) {
            throw new Malformed("'" + value.substring(0, 20) + "…' is too long for a CIDR block");
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash != value.lastIndexOf('/') || slash == value.length() - 1) {
            throw new Malformed("'" + value + "' is not a CIDR block: write an address, a slash and a prefix length, e.g. 10.20.0.0/16");
        }
        String address = value.substring(0, slash);
        boolean v6 = address.indexOf(':') >= 0;
        BigInteger ip = v6 ? parseV6(address, value) : parseV4(address, value);
        int length = parseLength(value.substring(slash + 1), v6, value);
        BigInteger network = mask(ip, length, v6);
        if (!network.equals(ip)) {
            String meant = format(network, v6) + "/" + length;
            throw new Malformed(value + " has host bits set: the block is " + meant + " (write that instead)");
        }
        return new Prefix(network, length, v6);
    }

    /** True when {@code other} lies entirely inside this block (same family, equal or longer prefix). */
    public boolean contains(Prefix other) {
        return other.v6 == v6 && other.length >= length && mask(other.network, length, v6).equals(network);
    }

    public boolean overlaps(Prefix other) {
        return contains(other) || other.contains(this);
    }

    @Override
    public int compareTo(Prefix other) {
        int family = Boolean.compare(v6, other.v6);
        if (family != 0) {
            return family;
        }
        int address = network.compareTo(other.network);
        return address != 0 ? address : Integer.compare(length, other.length);
    }

    @Override
    public String toString() {
        return format(network, v6) + "/" + length;
    }

    private static int bits(boolean v6) {
        return v6 ? 128 : 32;
    }

    private static BigInteger mask(BigInteger ip, int length, boolean v6) {
        int host = bits(v6) - length;
        return ip.shiftRight(host).shiftLeft(host);
    }

    private static int parseLength(String text, boolean v6, String whole) {
        if (!text.matches("[0-9]{1,3}") || (text.length() > 1 && text.startsWith("0"))
                || Integer.parseInt(text) > bits(v6)) {
            throw new Malformed("'" + whole + "' has an invalid prefix length: use /0 to /" + bits(v6));
        }
        return Integer.parseInt(text);
    }

    private static BigInteger parseV4(String address, String whole) {
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            throw new Malformed("'" + whole + "' is not an IPv4 CIDR block: an address has four numbers 0–255, e.g. 10.20.0.0/16");
        }
        long value = 0;
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || (octet.length() > 1 && octet.startsWith("0")) || Integer.parseInt(octet) > 255) {
                throw new Malformed("'" + whole + "' is not an IPv4 CIDR block: '" + octet + "' is not a number 0–255 (no leading zeros)");
            }
            value = (value << 8) | Integer.parseInt(octet);
        }
        return BigInteger.valueOf(value);
    }

    private static BigInteger parseV6(String address, String whole) {
        String lower = address.toLowerCase();
        int gap = lower.indexOf("::");
        if (!lower.matches("[0-9a-f:]+") || (gap >= 0 && lower.indexOf("::", gap + 1) >= 0)) {
            throw new Malformed("'" + whole + "' is not an IPv6 CIDR block, e.g. 2001:db8::/32");
        }
        String[] head = gap < 0 ? lower.split(":", -1) : groups(lower.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : groups(lower.substring(gap + 2));
        int missing = 8 - head.length - tail.length;
        if ((gap < 0 && head.length != 8) || (gap >= 0 && missing < 1)) {
            throw new Malformed("'" + whole + "' is not an IPv6 CIDR block: an address has eight groups, or '::' for zeros");
        }
        BigInteger value = BigInteger.ZERO;
        for (String group : head) {
            value = value.shiftLeft(16).or(group(group, whole));
        }
        value = value.shiftLeft(16 * Math.max(missing, 0));
        for (String group : tail) {
            value = value.shiftLeft(16).or(group(group, whole));
        }
        return value;
    }

    private static String[] groups(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }

    private static BigInteger group(String group, String whole) {
        if (group.isEmpty() || group.length() > 4) {
            throw new Malformed("'" + whole + "' is not an IPv6 CIDR block: each group has one to four hex digits");
        }
        return BigInteger.valueOf(Integer.parseInt(group, 16));
    }

    private static String format(BigInteger ip, boolean v6) {
        if (!v6) {
            long v = ip.longValue();
            return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ip.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}

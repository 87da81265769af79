package io.peerdesk.sim.net;

/**
 * An IPv4 or IPv6 CIDR block, always canonical: host bits are cleared on parse, as AWS does
 * ("if you specify 100.68.0.18/18, we modify it to 100.68.0.0/18").
 */
public record Cidr(IpAddress network, int prefix) implements Comparable<Cidr>, java.io.Serializable {

    public static final Cidr ALL_V4 = parse("0.0.0.0/0");
    public static final Cidr ALL_V6 = parse("::/0");

    public Cidr {
        if (prefix < 0 || prefix > network.bits()) {
            throw new IllegalArgumentException("invalid prefix length /" + prefix);
        }
        network = mask(network, prefix);
    }

    /** Parses {@code a.b.c.d/n} or {@code x:y::/n}; throws IllegalArgumentException when malformed. */
    public static Cidr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing CIDR block");
        }
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.length() - slash > 4) {
            throw new IllegalArgumentException("not a CIDR block: " + text);
        }
        IpAddress address = IpAddress.parse(text.substring(0, slash));
        String bits = text.substring(slash + 1);
        for (int i = 0; i < bits.length(); i++) {
            if (!Character.isDigit(bits.charAt(i))) {
                throw new IllegalArgumentException("not a CIDR block: " + text);
            }
        }
        int prefix = Integer.parseInt(bits);
        if (prefix > address.bits()) {
            throw new IllegalArgumentException("not a CIDR block: " + text);
        }
        return new Cidr(address, prefix);
    }

    /** A /32 or /128 for one address. */
    public static Cidr of(IpAddress address) {
        return new Cidr(address, address.bits());
    }

    public boolean v6() {
        return network.v6();
    }

    public boolean contains(IpAddress address) {
        return address.v6() == v6() && mask(address, prefix).equals(network);
    }

    /** True when {@code other} lies entirely inside this block. */
    public boolean contains(Cidr other) {
        return other.v6() == v6() && other.prefix >= prefix && contains(other.network);
    }

    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    public IpAddress first() {
        return network;
    }

    public IpAddress last() {
        int host = network.bits() - prefix;
        if (!v6()) {
            return IpAddress.v4(network.lo() | ((1L << host) - 1));
        }
        long loMask = host >= 64 ? -1L : (host == 0 ? 0 : (1L << host) - 1);
        long hiMask = host <= 64 ? 0 : (host == 128 ? -1L : (1L << (host - 64)) - 1);
        return new IpAddress(true, network.hi() | hiMask, network.lo() | loMask);
    }

    /** Number of addresses, saturated at Long.MAX_VALUE for very large IPv6 blocks. */
    public long size() {
        int host = network.bits() - prefix;
        return host >= 63 ? Long.MAX_VALUE : 1L << host;
    }

    @Override
    public int compareTo(Cidr o) {
        int c = network.compareTo(o.network);
        return c != 0 ? c : Integer.compare(prefix, o.prefix);
    }

    @Override
    public String toString() {
        return network + "/" + prefix;
    }

    private static IpAddress mask(IpAddress a, int prefix) {
        if (!a.v6()) {
            long m = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
            return a.lo() == (a.lo() & m) ? a : IpAddress.v4(a.lo() & m);
        }
        long hiMask = prefix >= 64 ? -1L : (prefix == 0 ? 0 : -1L << (64 - prefix));
        long loMask = prefix <= 64 ? 0 : (prefix == 128 ? -1L : -1L << (128 - prefix));
        long hi = a.hi() & hiMask;
        long lo = a.lo() & loMask;
        return hi == a.hi() && lo == a.lo() ? a : new IpAddress(true, hi, lo);
    }
}

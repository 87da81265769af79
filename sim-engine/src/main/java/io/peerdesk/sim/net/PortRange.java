package io.peerdesk.sim.net;

/**
 * An inclusive port range (or ICMP type/code pair, where -1 means all). {@link #ALL} is 0-65535.
 */
public record PortRange(int from, int to) implements java.io.Serializable {

    public static final PortRange ALL = new PortRange(0, 65535);
    /** The client's ephemeral ports that return traffic must reach: what AWS tells NACLs to admit. */
    public static final PortRange EPHEMERAL = new PortRange(1024, 65535);

    public PortRange {
        if (from > to) {
            throw new IllegalArgumentException("port range " + from + "-" + to + " is reversed");
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    public boolean contains(int port) {
        return port >= from && port <= to;
    }

    public boolean contains(PortRange other) {
        return other.from >= from && other.to <= to;
    }

    public boolean intersects(PortRange other) {
        return other.from <= to && other.to >= from;
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}

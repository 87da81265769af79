package io.peerdesk.domain.contract;

/**
 * Traffic a contract allows: a TCP or UDP port range ({@code fromPort ≤ toPort}, 0–65535), or
 * ICMP or all traffic, which have no ports. Written and read as one line: {@code tcp 443},
 * {@code tcp 8000-8080}, {@code udp 161}, {@code icmp}, {@code all}.
 */
public record PortRule(Protocol protocol, Integer fromPort, Integer toPort) {

    public static final int MAX_PORT = 65535;

    /** Checks the rule and returns it, or throws IllegalArgumentException with a readable reason. */
    public static PortRule of(Protocol protocol, Integer fromPort, Integer toPort) {
        if (protocol == null) {
            throw new IllegalArgumentException("choose a protocol: tcp, udp, icmp or all");
        }
        if (!protocol.hasPorts()) {
            if (fromPort != null || toPort != null) {
                throw new IllegalArgumentException(protocol.code() + " has no ports: write just '" + protocol.code() + "'");
            }
            return new PortRule(protocol, null, null);
        }
        if (fromPort == null) {
            throw new IllegalArgumentException(protocol.code() + " needs a port or a range, e.g. '" + protocol.code() + " 443'");
        }
        int to = toPort == null ? fromPort : toPort;
        if (fromPort < 0 || fromPort > MAX_PORT || to < 0 || to > MAX_PORT) {
            throw new IllegalArgumentException("ports are 0–65535, not " + (fromPort.equals(to) ? fromPort : fromPort + "-" + to));
        }
        if (fromPort > to) {
            throw new IllegalArgumentException("the range " + fromPort + "-" + to + " ends before it starts");
        }
        return new PortRule(protocol, fromPort, to);
    }

    /** Parses one line such as {@code tcp 443} or {@code udp 1000-2000}. */
    public static PortRule parse(String line) {
        if (line != null && line.strip().length() > 24) {
            throw new IllegalArgumentException("'" + line.strip().substring(0, 20) + "…' is too long for a rule such as 'tcp 8000-8080'");
        }
        String[] words = line == null ? new String[0] : line.strip().split("\\s+");
        Protocol protocol = words.length == 0 ? null : Protocol.fromCode(words[0]);
        if (protocol == null || words.length > 2) {
            throw new IllegalArgumentException("'" + (line == null ? "" : line.strip())
                    + "' is not a rule: write a protocol (tcp, udp, icmp, all) and for tcp/udp a port or range, e.g. 'tcp 443'");
        }
        if (words.length == 1) {
            return of(protocol, null, null);
        }
        String[] range = words[1].split("-", -1);
        if (range.length > 2 || !range[0].matches("[0-9]{1,5}") || (range.length == 2 && !range[1].matches("[0-9]{1,5}"))) {
            throw new IllegalArgumentException("'" + line.strip() + "': '" + words[1] + "' is not a port (0–65535) or a range like 8000-8080");
        }
        return of(protocol, Integer.valueOf(range[0]), range.length == 2 ? Integer.valueOf(range[1]) : null);
    }

    /** Whether this rule allows all of {@code protocol} traffic on {@code from}–{@code to} (ignored without ports). */
    public boolean covers(Protocol protocol, int from, int to) {
        if (this.protocol == Protocol.ALL) {
            return true;
        }
        if (this.protocol != protocol) {
            return false;
        }
        return !protocol.hasPorts() || (fromPort <= from && to <= toPort);
    }

    @Override
    public String toString() {
        if (!protocol.hasPorts()) {
            return protocol.code();
        }
        return protocol.code() + " " + (fromPort.equals(toPort) ? fromPort.toString() : fromPort + "-" + toPort);
    }
}

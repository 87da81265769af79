package io.peerdesk.sim.cloud;

/**
 * IP protocols as AWS names them in security-group rules ({@code tcp}, {@code udp}, {@code icmp},
 * {@code icmpv6}, {@code -1} for all, or a protocol number) and as numbers in network ACL entries.
 */
public final class Protocol {

    public static final String ALL = "-1";

    private Protocol() {
    }

    /** Canonical security-group form: names for tcp/udp/icmp/icmpv6, "-1" for all, else the number. */
    public static String canonicalName(String value) {
        if (value == null || value.isBlank()) {
            throw CloudException.missingParameter("IpProtocol");
        }
        String v = value.trim().toLowerCase();
        return switch (v) {
            case "-1", "all" -> ALL;
            case "tcp", "6" -> "tcp";
            case "udp", "17" -> "udp";
            case "icmp", "1" -> "icmp";
            case "icmpv6", "58" -> "icmpv6";
            default -> {
                int n = parseNumber(v, value);
                yield Integer.toString(n);
            }
        };
    }

    /** Canonical network-ACL form: the protocol number as text, "-1" for all. */
    public static String canonicalNumber(String value) {
        String name = canonicalName(value);
        return switch (name) {
            case "tcp" -> "6";
            case "udp" -> "17";
            case "icmp" -> "1";
            case "icmpv6" -> "58";
            default -> name;
        };
    }

    public static boolean hasPorts(String canonical) {
        return canonical.equals("tcp") || canonical.equals("udp") || canonical.equals("6") || canonical.equals("17");
    }

    public static boolean isIcmp(String canonical) {
        return canonical.equals("icmp") || canonical.equals("icmpv6") || canonical.equals("1")
                || canonical.equals("58");
    }

    /** True when a rule for {@code ruleProtocol} admits traffic of {@code trafficProtocol} (both canonical). */
    public static boolean matches(String ruleProtocol, String trafficProtocol) {
        return ruleProtocol.equals(ALL) || canonicalNumber(ruleProtocol).equals(canonicalNumber(trafficProtocol));
    }

    private static int parseNumber(String v, String original) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 0 && n <= 255) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw CloudException.invalidParameterValue("Invalid value '" + original
                + "' for IP protocol. Unknown protocol.");
    }
}

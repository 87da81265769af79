package io.peerdesk.domain.cloud;

/** How protocols and port ranges read: {@code -1} is "all", IANA numbers get their names. */
final class Protocols {

    private Protocols() {
    }

    static String label(String protocol) {
        if (protocol == null) {
            return "-";
        }
        return switch (protocol) {
            case "-1" -> "all";
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            default -> protocol;
        };
    }

    static boolean isIcmp(String protocol) {
        return "icmp".equals(protocol) || "1".equals(protocol) || "icmpv6".equals(protocol) || "58".equals(protocol);
    }

    /** A port range; for ICMP the pair is type and code, as EC2 reports them. */
    static String ports(String protocol, Integer from, Integer to) {
        if ("-1".equals(protocol) || from == null || from == -1) {
            return "all";
        }
        if (isIcmp(protocol)) {
            return "type " + from + (to == null || to == -1 ? "" : " code " + to);
        }
        if (to == null || from.equals(to)) {
            return Integer.toString(from);
        }
        return from == 0 && to == 65535 ? "all" : from + "–" + to;
    }
}

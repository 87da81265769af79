package io.peerdesk.domain.contract;

import java.util.Locale;

/** The IP protocols a contract allows, named as security-group rules name them. */
public enum Protocol {
    TCP, UDP, ICMP, ALL;

    /** Whether rules of this protocol carry a port range. */
    public boolean hasPorts() {
        return this == TCP || this == UDP;
    }

    /** {@code tcp}, {@code udp}, {@code icmp} or {@code all}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a protocol code in any case; null when unknown. */
    public static Protocol fromCode(String code) {
        for (Protocol protocol : values()) {
            if (protocol.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return protocol;
            }
        }
        return null;
    }
}

package io.peerdesk.domain.cloud;

/**
 * A route: destination (IPv4 or IPv6 CIDR, or a prefix list), target ({@code local}, {@code igw-…},
 * {@code pcx-…}, …), state ({@code active}, or {@code blackhole} when the target is gone or not yet
 * usable, e.g. a peering that is not active) and origin ({@code CreateRouteTable}, {@code CreateRoute}, …).
 */
public record Route(String destination, String target, String state, String origin) {

    public static final String ACTIVE = "active";
    public static final String BLACKHOLE = "blackhole";

    public boolean blackhole() {
        return BLACKHOLE.equals(state);
    }
}

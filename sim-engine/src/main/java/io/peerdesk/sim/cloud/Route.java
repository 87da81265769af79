package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;

import java.io.Serializable;

/**
 * One route: a destination block and exactly one target. Its {@code state} is not stored: it is
 * derived from the target's current state by {@link CloudState#routeState(Route, java.time.Instant)}.
 *
 * @param gatewayId              {@code local} or an {@code igw-…}, or null
 * @param vpcPeeringConnectionId a {@code pcx-…}, or null
 * @param origin                 {@code CreateRouteTable} for local routes, {@code CreateRoute} otherwise
 */
public record Route(Cidr destination, String gatewayId, String vpcPeeringConnectionId, String origin)
        implements Serializable {

    public static final String LOCAL = "local";
    public static final String ORIGIN_TABLE = "CreateRouteTable";
    public static final String ORIGIN_ROUTE = "CreateRoute";

    static Route local(Cidr destination) {
        return new Route(destination, LOCAL, null, ORIGIN_TABLE);
    }

    public boolean isLocal() {
        return LOCAL.equals(gatewayId);
    }

    public String targetId() {
        return vpcPeeringConnectionId != null ? vpcPeeringConnectionId : gatewayId;
    }
}

package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.Route;

import java.io.Serializable;

/**
 * A route as an analysis shows it ({@code AnalysisRouteTableRoute}): the route and its state at the
 * time of the analysis ({@code active} or {@code blackhole}). Strings are made only when asked for.
 */
public record AnalysisRoute(Route route, String state) implements Serializable {

    public String destinationCidr() {
        return route.destination().toString();
    }

    /** {@code local} or an {@code igw-…}; null for a peering route. */
    public String gatewayId() {
        return route.gatewayId();
    }

    public String vpcPeeringConnectionId() {
        return route.vpcPeeringConnectionId();
    }

    public String origin() {
        return route.origin();
    }
}

package io.peerdesk.sim.insights;

import io.peerdesk.sim.cloud.PeeringConnection;
import io.peerdesk.sim.cloud.Route;
import io.peerdesk.sim.cloud.RouteTable;
import io.peerdesk.sim.cloud.Subnet;
import io.peerdesk.sim.cloud.Vpc;

/**
 * Where a subnet's route table sends one address: the route used, the peering crossed (if any) and
 * the subnet that holds the address. When it gets nowhere, {@code failure} says why; when it
 * leaves the Region, {@code unanalysable} says so (no analysis across Regions).
 */
record Hop(RouteTable table, Route route, String state, PeeringConnection peering, Vpc vpc, Subnet subnet,
           Explanation failure, String unanalysable) {

    static Hop reached(RouteTable table, Route route, String state, PeeringConnection peering, Vpc vpc,
                       Subnet subnet) {
        return new Hop(table, route, state, peering, vpc, subnet, null, null);
    }

    static Hop failed(RouteTable table, Route route, Explanation failure) {
        return new Hop(table, route, null, null, null, null, failure, null);
    }

    static Hop outOfRegion(String message) {
        return new Hop(null, null, null, null, null, null, null, message);
    }

    boolean ok() {
        return failure == null && unanalysable == null;
    }
}

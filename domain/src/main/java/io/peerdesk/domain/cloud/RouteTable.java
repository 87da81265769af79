package io.peerdesk.domain.cloud;

import java.util.List;

/** A route table with its routes and the subnets (or the VPC's main association) it serves. */
public record RouteTable(String routeTableId, String name, boolean main, List<Association> associations,
                         List<Route> routes) {

    public RouteTable {
        associations = List.copyOf(associations);
        routes = List.copyOf(routes);
    }

    /** {@code subnetId} is null for the main association (every subnet without its own table). */
    public record Association(String associationId, String subnetId, boolean main) {
    }

    public String label() {
        return name == null || name.isBlank() ? routeTableId : name;
    }

    public List<String> subnetIds() {
        return associations.stream().map(Association::subnetId).filter(s -> s != null).toList();
    }

    public long blackholes() {
        return routes.stream().filter(Route::blackhole).count();
    }
}

package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;
import io.peerdesk.sim.net.IpAddress;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A route table of one VPC: its routes and its associations (the main one and explicit subnets). */
public final class RouteTable extends Resource {

    /** Pinned (see {@code Cloud}): snapshots written by earlier builds stay readable. */
    private static final long serialVersionUID = -836602428989707851L;

    /** An association with a subnet, or the VPC's main association ({@code subnetId == null}). */
    public record Association(String associationId, String subnetId, boolean main) implements Serializable {
    }

    private final String vpcId;
    private final List<Route> routes = new ArrayList<>();
    private final List<Association> associations = new ArrayList<>();

    RouteTable(String id, String ownerId, String region, long sequence, String vpcId) {
        super(id, ownerId, region, sequence);
        this.vpcId = vpcId;
    }

    public String vpcId() {
        return vpcId;
    }

    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    public List<Association> associations() {
        return Collections.unmodifiableList(associations);
    }

    public boolean isMain() {
        for (Association a : associations) {
            if (a.main()) {
                return true;
            }
        }
        return false;
    }

    public Route route(Cidr destination) {
        for (Route r : routes) {
            if (r.destination().equals(destination)) {
                return r;
            }
        }
        return null;
    }

    /** Longest-prefix match among all routes of the address's family, regardless of state. */
    public Route longestPrefixMatch(IpAddress address) {
        Route best = null;
        for (Route r : routes) {
            if (r.destination().contains(address)
                    && (best == null || r.destination().prefix() > best.destination().prefix())) {
                best = r;
            }
        }
        return best;
    }

    /** Routes of one family that count against the quota (local routes do not). */
    int countNonLocal(boolean v6) {
        int n = 0;
        for (Route r : routes) {
            if (!r.isLocal() && r.destination().v6() == v6) {
                n++;
            }
        }
        return n;
    }

    void addRoute(Route route) {
        routes.add(route);
    }

    void replaceRoute(Route old, Route replacement) {
        routes.set(routes.indexOf(old), replacement);
    }

    void removeRoute(Route route) {
        routes.remove(route);
    }

    void addAssociation(Association association) {
        associations.add(association);
    }

    void removeAssociation(Association association) {
        associations.remove(association);
    }
}

package io.peerdesk.sim.cloud;

import io.peerdesk.sim.net.Cidr;

import java.time.Instant;
import java.util.Map;

/** Route tables, their routes and subnet associations. */
public final class Routing {

    private static final Cidr RESERVED_V4 = Cidr.parse("169.254.168.0/22");
    private static final Cidr RESERVED_V6 = Cidr.parse("fd00:ec2::/32");

    private final Cloud cloud;

    Routing(Cloud cloud) {
        this.cloud = cloud;
    }

    /** The destination and the one target of a CreateRoute or ReplaceRoute request. */
    public record RouteSpec(String destinationCidrBlock, String destinationIpv6CidrBlock, String gatewayId,
                            String vpcPeeringConnectionId, boolean localTarget) {
    }

    RouteTable newRouteTable(Vpc vpc) {
        RouteTable rt = new RouteTable(cloud.nextId("rtb"), vpc.ownerId(), vpc.region(), cloud.nextSequence(),
                vpc.id());
        for (Cidr cidr : vpc.allCidrs()) {
            rt.addRoute(Route.local(cidr));
        }
        cloud.routeTables.put(rt.id(), rt);
        vpc.routeTableIds.add(rt.id());
        return rt;
    }

    public RouteTable createRouteTable(Caller caller, String vpcId, Map<String, String> tags) {
        Vpc vpc = cloud.requireVpc(caller, vpcId);
        Tags.validate(tags);
        if (vpc.routeTableIds.size() >= 200) {
            throw new CloudException("RouteTableLimitExceeded",
                    "The maximum number of route tables has been reached for " + vpcId + ".");
        }
        RouteTable rt = newRouteTable(vpc);
        rt.tags().putAll(tags);
        return rt;
    }

    public void deleteRouteTable(Caller caller, String routeTableId) {
        RouteTable rt = cloud.requireRouteTable(caller, routeTableId);
        if (!rt.associations().isEmpty()) {
            throw new CloudException("DependencyViolation",
                    "The routeTable '" + routeTableId + "' has dependencies and cannot be deleted.");
        }
        cloud.vpcs.get(rt.vpcId()).routeTableIds.remove(routeTableId);
        cloud.routeTables.remove(routeTableId);
    }

    /** AssociateRouteTable: a subnet has exactly one explicit association at a time. */
    public RouteTable.Association associate(Caller caller, String routeTableId, String subnetId) {
        RouteTable rt = cloud.requireRouteTable(caller, routeTableId);
        Subnet subnet = cloud.requireSubnet(caller, subnetId);
        if (!subnet.vpcId().equals(rt.vpcId())) {
            throw CloudException.invalidParameterValue("Route table " + routeTableId + " and subnet " + subnetId
                    + " belong to different networks.");
        }
        if (subnet.routeTableId != null) {
            throw new CloudException("Resource.AlreadyAssociated", "the specified association for route table "
                    + subnet.routeTableId + " conflicts with an existing association");
        }
        RouteTable.Association a = new RouteTable.Association(cloud.nextId("rtbassoc"), subnetId, false);
        rt.addAssociation(a);
        subnet.routeTableId = routeTableId;
        return a;
    }

    public void disassociate(Caller caller, String associationId) {
        if (associationId == null || associationId.isEmpty()) {
            throw CloudException.missingParameter("associationId");
        }
        for (RouteTable rt : cloud.visible(cloud.routeTables.values(), caller)) {
            for (RouteTable.Association a : rt.associations()) {
                if (a.associationId().equals(associationId)) {
                    if (a.main()) {
                        throw CloudException.invalidParameterValue("cannot disassociate the main route table association "
                                + associationId);
                    }
                    rt.removeAssociation(a);
                    cloud.subnets.get(a.subnetId()).routeTableId = null;
                    return;
                }
            }
        }
        throw new CloudException("InvalidAssociationID.NotFound",
                "The association ID '" + associationId + "' does not exist");
    }

    /** CreateRoute: exactly one destination and one target; only an exact duplicate conflicts. */
    public Route createRoute(Caller caller, String routeTableId, RouteSpec spec, Instant now) {
        RouteTable rt = cloud.requireRouteTable(caller, routeTableId);
        Cidr destination = destination(spec);
        if (spec.localTarget() || Route.LOCAL.equals(spec.gatewayId())) {
            throw CloudException.invalidParameterValue("Value (local) for parameter gatewayId is invalid. "
                    + "Local routes are created with the VPC's CIDR blocks.");
        }
        Route route = target(caller, rt, destination, spec, now);
        if (rt.route(destination) != null) {
            throw new CloudException("RouteAlreadyExists",
                    "The route identified by " + destination + " already exists.");
        }
        if (rt.countNonLocal(destination.v6()) >= cloud.config().routeQuota()) {
            throw new CloudException("RouteLimitExceeded", "The maximum number of routes (" + cloud.config().routeQuota()
                    + ") has been reached for " + routeTableId + ".");
        }
        rt.addRoute(route);
        return route;
    }

    /** ReplaceRoute: only an existing route; a local route only with LocalTarget. */
    public Route replaceRoute(Caller caller, String routeTableId, RouteSpec spec, Instant now) {
        RouteTable rt = cloud.requireRouteTable(caller, routeTableId);
        Cidr destination = destination(spec);
        Route existing = rt.route(destination);
        if (existing == null) {
            throw CloudException.invalidParameterValue("There is no route defined for '" + destination
                    + "' in the route table. Use CreateRoute instead.");
        }
        if (existing.isLocal() || spec.localTarget()) {
            Vpc vpc = cloud.vpcs.get(rt.vpcId());
            if (!spec.localTarget() || !vpc.allCidrs().contains(destination)) {
                throw CloudException.invalidParameterValue("The local route " + destination
                        + " can only be replaced with LocalTarget, and only for the VPC's own CIDR blocks.");
            }
            Route local = Route.local(destination);
            rt.replaceRoute(existing, local);
            return local;
        }
        Route route = target(caller, rt, destination, spec, now);
        rt.replaceRoute(existing, route);
        return route;
    }

    public void deleteRoute(Caller caller, String routeTableId, String v4, String v6) {
        RouteTable rt = cloud.requireRouteTable(caller, routeTableId);
        Cidr destination = destination(new RouteSpec(v4, v6, null, null, false));
        Route existing = rt.route(destination);
        if (existing == null) {
            throw new CloudException("InvalidRoute.NotFound", "no route with destination-cidr-block " + destination
                    + " in route table " + routeTableId);
        }
        if (existing.isLocal()) {
            throw CloudException.invalidParameterValue("cannot remove local route " + destination
                    + " in route table " + routeTableId);
        }
        rt.removeRoute(existing);
    }

    private static Cidr destination(RouteSpec spec) {
        if ((spec.destinationCidrBlock() == null) == (spec.destinationIpv6CidrBlock() == null)) {
            if (spec.destinationCidrBlock() == null) {
                throw CloudException.missingParameter("destinationCidrBlock");
            }
            throw new CloudException("InvalidParameterCombination",
                    "Only one of destinationCidrBlock and destinationIpv6CidrBlock may be given.");
        }
        Cidr d = spec.destinationCidrBlock() != null
                ? Cidrs.parseV4(spec.destinationCidrBlock(), "destinationCidrBlock")
                : Cidrs.parseV6(spec.destinationIpv6CidrBlock(), "destinationIpv6CidrBlock");
        if (RESERVED_V4.overlaps(d) && d.prefix() >= RESERVED_V4.prefix()
                || RESERVED_V6.overlaps(d) && d.prefix() >= RESERVED_V6.prefix()) {
            throw CloudException.invalidParameterValue("The destination " + d + " is reserved and cannot be routed.");
        }
        return d;
    }

    /** Checks the target (exactly one, in the right network, in a usable state) and builds the route. */
    private Route target(Caller caller, RouteTable rt, Cidr destination, RouteSpec spec, Instant now) {
        boolean hasGateway = spec.gatewayId() != null;
        boolean hasPcx = spec.vpcPeeringConnectionId() != null;
        if (!hasGateway && !hasPcx) {
            throw CloudException.missingParameter("gatewayId or vpcPeeringConnectionId (exactly one target)");
        }
        if (hasGateway && hasPcx) {
            throw new CloudException("InvalidParameterCombination", "More than one target specified: "
                    + spec.gatewayId() + " and " + spec.vpcPeeringConnectionId());
        }
        Vpc vpc = cloud.vpcs.get(rt.vpcId());
        for (Cidr local : vpc.allCidrs()) {
            if (local.contains(destination)) {
                throw CloudException.invalidParameterValue("The destination CIDR block " + destination
                        + " is equal to or more specific than one of this VPC's CIDR blocks. "
                        + "This route can target only an interface or an instance.");
            }
        }
        if (hasPcx) {
            PeeringConnection p = cloud.requirePeering(caller, spec.vpcPeeringConnectionId(), now);
            if (!p.involves(rt.vpcId())) {
                throw CloudException.invalidParameterValue("route table " + rt.id() + " and peering connection "
                        + p.id() + " belong to different networks");
            }
            PeeringState state = p.stateAt(now);
            if (state != PeeringState.PENDING_ACCEPTANCE && state != PeeringState.PROVISIONING
                    && state != PeeringState.ACTIVE) {
                throw CloudException.invalidParameterValue("VPC peering connection " + p.id() + " is " + state.code()
                        + "; routes can target it only while it is pending-acceptance or active.");
            }
            return new Route(destination, null, p.id(), Route.ORIGIN_ROUTE);
        }
        String gw = spec.gatewayId();
        if (!gw.startsWith("igw-")) {
            throw new CloudException("InvalidGatewayID.NotFound", "The gateway ID '" + gw + "' does not exist");
        }
        InternetGateway igw = cloud.requireInternetGateway(caller, gw);
        if (!rt.vpcId().equals(igw.attachedVpcId)) {
            throw CloudException.invalidParameterValue("route table " + rt.id() + " and network gateway " + gw
                    + " belong to different networks");
        }
        return new Route(destination, gw, null, Route.ORIGIN_ROUTE);
    }
}

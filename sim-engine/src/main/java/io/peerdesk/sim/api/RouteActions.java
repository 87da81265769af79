package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.CloudException;
import io.peerdesk.sim.cloud.Route;
import io.peerdesk.sim.cloud.RouteTable;
import io.peerdesk.sim.cloud.Routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Route tables, their routes and their subnet associations. */
final class RouteActions {

    /**
     * Route targets the simulator has no resources for: naming one is that target's NotFound
     * error, as it would be on AWS for an id that does not exist.
     */
    private static final String[][] UNSUPPORTED_TARGETS = {
            {"NatGatewayId", "InvalidNatGatewayID.NotFound", "The natGateway ID '%s' does not exist"},
            {"NetworkInterfaceId", "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '%s' does not exist"},
            {"InstanceId", "InvalidInstanceID.NotFound", "The instance ID '%s' does not exist"},
            {"TransitGatewayId", "InvalidTransitGatewayID.NotFound", "The transitGateway ID '%s' does not exist"},
            {"EgressOnlyInternetGatewayId", "InvalidGatewayID.NotFound", "The gateway ID '%s' does not exist"},
            {"VpcEndpointId", "InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '%s' does not exist"},
            {"LocalGatewayId", "InvalidLocalGatewayID.NotFound", "The localGateway ID '%s' does not exist"},
            {"CarrierGatewayId", "InvalidCarrierGatewayID.NotFound", "The carrierGateway ID '%s' does not exist"},
            {"CoreNetworkArn", "InvalidParameterValue", "The core network '%s' does not exist"},
            {"OdbNetworkArn", "InvalidParameterValue", "The ODB network '%s' does not exist"},
    };

    private RouteActions() {
    }

    static List<Action> all() {
        return List.of(
                new Action("CreateRouteTable", true, RouteActions::createRouteTable),
                new Action("DeleteRouteTable", true, (r, out) -> {
                    r.cloud().routing().deleteRouteTable(r.caller(), r.params().required("RouteTableId"));
                    Render.returnTrue(out);
                }),
                new Action("DescribeRouteTables", false, RouteActions::describeRouteTables),
                new Action("AssociateRouteTable", true, RouteActions::associate),
                new Action("DisassociateRouteTable", true, (r, out) -> {
                    r.cloud().routing().disassociate(r.caller(), r.params().required("AssociationId"));
                    Render.returnTrue(out);
                }),
                new Action("CreateRoute", true, (r, out) -> {
                    r.cloud().routing().createRoute(r.caller(), r.params().required("RouteTableId"),
                            routeSpec(r.params(), false), r.now());
                    Render.returnTrue(out);
                }),
                new Action("ReplaceRoute", true, (r, out) -> {
                    r.cloud().routing().replaceRoute(r.caller(), r.params().required("RouteTableId"),
                            routeSpec(r.params(), r.params().flag("LocalTarget")), r.now());
                    Render.returnTrue(out);
                }),
                new Action("DeleteRoute", true, (r, out) -> {
                    unsupportedDestination(r.params());
                    r.cloud().routing().deleteRoute(r.caller(), r.params().required("RouteTableId"),
                            r.params().string("DestinationCidrBlock"), r.params().string("DestinationIpv6CidrBlock"));
                    Render.returnTrue(out);
                }));
    }

    private static void createRouteTable(Request r, XmlWriter out) {
        RouteTable rt = r.cloud().routing().createRouteTable(r.caller(), r.params().required("VpcId"),
                r.params().tagSpecifications("route-table"));
        out.open("routeTable");
        routeTable(out, rt, r.cloud(), r.now());
        out.close("routeTable");
        out.element("clientToken", r.params().string("ClientToken"));
    }

    private static void describeRouteTables(Request r, XmlWriter out) {
        var page = query(r.cloud(), r.now()).run(r.cloud().visible(r.cloud().allRouteTables(), r.caller()),
                r.params().list("RouteTableId"), r.params(),
                Render.notFound("InvalidRouteTableID.NotFound", "The routeTable ID '%s' does not exist"));
        Render.items(out, "routeTableSet", page.items(), (o, rt) -> routeTable(o, rt, r.cloud(), r.now()));
        Render.nextToken(out, page.nextToken());
    }

    private static void associate(Request r, XmlWriter out) {
        String subnetId = r.params().string("SubnetId");
        String gatewayId = r.params().string("GatewayId");
        if (gatewayId != null && !gatewayId.isEmpty()) {
            if (subnetId != null && !subnetId.isEmpty()) {
                throw new CloudException("InvalidParameterCombination",
                        "Only one of subnetId and gatewayId may be given.");
            }
            throw new CloudException("InvalidParameterValue", "Gateway route table associations are not supported"
                    + " by this simulator (gateway " + gatewayId + ").");
        }
        RouteTable.Association a = r.cloud().routing().associate(r.caller(), r.params().required("RouteTableId"),
                subnetId);
        out.element("associationId", a.associationId());
        associationState(out);
    }

    /**
     * The Describe query. {@code route.state} depends on the clock (a route to a pending peering
     * is a blackhole until it is active), so the query is built for each request.
     */
    private static ResourceQuery<RouteTable> query(Cloud cloud, Instant now) {
        return new ResourceQuery<RouteTable>(RouteTable::id, RouteTable::sequence, t -> t.tags().asMap())
                .filter("route-table-id", RouteTable::id)
                .filter("vpc-id", RouteTable::vpcId)
                .filter("owner-id", RouteTable::ownerId)
                .filterMany("association.main", t -> associations(t, a -> Boolean.toString(a.main())))
                .filterMany("association.subnet-id", t -> associations(t, RouteTable.Association::subnetId))
                .filterMany("association.route-table-association-id",
                        t -> associations(t, RouteTable.Association::associationId))
                .filterMany("association.route-table-id", t -> associations(t, a -> t.id()))
                .filterMany("association.gateway-id", t -> List.of())
                .filterMany("route.destination-cidr-block", t -> routes(t, x -> x.destination().v6() ? null
                        : x.destination().toString()))
                .filterMany("route.destination-ipv6-cidr-block", t -> routes(t, x -> x.destination().v6()
                        ? x.destination().toString() : null))
                .filterMany("route.gateway-id", t -> routes(t, Route::gatewayId))
                .filterMany("route.vpc-peering-connection-id", t -> routes(t, Route::vpcPeeringConnectionId))
                .filterMany("route.state", t -> routes(t, x -> cloud.routeState(x, t.vpcId(), now)))
                .filterMany("route.origin", t -> routes(t, Route::origin))
                .filterMany("route.destination-prefix-list-id", t -> List.of())
                .filterMany("route.egress-only-internet-gateway-id", t -> List.of())
                .filterMany("route.instance-id", t -> List.of())
                .filterMany("route.nat-gateway-id", t -> List.of())
                .filterMany("route.transit-gateway-id", t -> List.of());
    }

    private static List<String> associations(RouteTable t, Function<RouteTable.Association, String> value) {
        List<String> out = new ArrayList<>();
        for (RouteTable.Association a : t.associations()) {
            String v = value.apply(a);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static List<String> routes(RouteTable t, Function<Route, String> value) {
        List<String> out = new ArrayList<>();
        for (Route route : t.routes()) {
            String v = value.apply(route);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** The destination and target of CreateRoute or ReplaceRoute; targets the simulator lacks are NotFound. */
    private static Routing.RouteSpec routeSpec(Params p, boolean localTarget) {
        unsupportedDestination(p);
        String gatewayId = p.string("GatewayId");
        String pcxId = p.string("VpcPeeringConnectionId");
        for (String[] target : UNSUPPORTED_TARGETS) {
            String value = p.string(target[0]);
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (gatewayId != null || pcxId != null || localTarget) {
                throw new CloudException("InvalidParameterCombination", "More than one target specified: "
                        + value + " and " + (gatewayId != null ? gatewayId : pcxId != null ? pcxId : "local"));
            }
            throw new CloudException(target[1], String.format(target[2], value));
        }
        return new Routing.RouteSpec(p.string("DestinationCidrBlock"), p.string("DestinationIpv6CidrBlock"),
                gatewayId, pcxId, localTarget);
    }

    private static void unsupportedDestination(Params p) {
        String prefixList = p.string("DestinationPrefixListId");
        if (prefixList != null && !prefixList.isEmpty()) {
            throw new CloudException("InvalidPrefixListId.NotFound",
                    "The prefix list ID '" + prefixList + "' does not exist");
        }
    }

    static void routeTable(XmlWriter out, RouteTable rt, Cloud cloud, Instant now) {
        out.element("routeTableId", rt.id())
                .element("vpcId", rt.vpcId())
                .element("ownerId", rt.ownerId());
        Render.items(out, "routeSet", rt.routes(), (o, route) -> route(o, route, cloud.routeState(route, rt.vpcId(), now)));
        Render.items(out, "associationSet", rt.associations(), (o, a) -> association(o, rt, a));
        out.empty("propagatingVgwSet");
        Render.tags(out, rt.tags().asMap());
    }

    static void route(XmlWriter out, Route route, String state) {
        out.element(route.destination().v6() ? "destinationIpv6CidrBlock" : "destinationCidrBlock",
                        route.destination())
                .element("gatewayId", route.gatewayId())
                .element("vpcPeeringConnectionId", route.vpcPeeringConnectionId())
                .element("origin", route.origin())
                .element("state", state);
    }

    static void association(XmlWriter out, RouteTable rt, RouteTable.Association a) {
        out.element("routeTableAssociationId", a.associationId())
                .element("routeTableId", rt.id())
                .element("main", a.main())
                .element("subnetId", a.main() ? null : a.subnetId());
        associationState(out);
    }

    private static void associationState(XmlWriter out) {
        out.open("associationState").element("state", "associated").close("associationState");
    }
}

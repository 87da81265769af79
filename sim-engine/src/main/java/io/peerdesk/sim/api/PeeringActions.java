package io.peerdesk.sim.api;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.PeeringConnection;
import io.peerdesk.sim.cloud.PeeringOptions;
import io.peerdesk.sim.cloud.PeeringState;
import io.peerdesk.sim.cloud.Vpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** VPC peering connections: create, accept, reject, delete, describe and per-side options. */
final class PeeringActions {

    private PeeringActions() {
    }

    static List<Action> all() {
        return List.of(
                new Action("CreateVpcPeeringConnection", true, PeeringActions::create),
                new Action("AcceptVpcPeeringConnection", true, (r, out) -> {
                    PeeringConnection p = r.cloud().peerings().accept(r.caller(),
                            r.params().required("VpcPeeringConnectionId"), r.now());
                    out.open("vpcPeeringConnection");
                    peering(out, r.cloud(), p, r.caller(), r.now(), false);
                    out.close("vpcPeeringConnection");
                }),
                new Action("RejectVpcPeeringConnection", true, (r, out) -> {
                    r.cloud().peerings().reject(r.caller(), r.params().required("VpcPeeringConnectionId"), r.now());
                    Render.returnTrue(out);
                }),
                new Action("DeleteVpcPeeringConnection", true, (r, out) -> {
                    r.cloud().peerings().delete(r.caller(), r.params().required("VpcPeeringConnectionId"), r.now());
                    Render.returnTrue(out);
                }),
                new Action("DescribeVpcPeeringConnections", false, PeeringActions::describe),
                new Action("ModifyVpcPeeringConnectionOptions", true, PeeringActions::modifyOptions));
    }

    private static void create(Request r, XmlWriter out) {
        Cloud cloud = r.cloud();
        int before = cloud.allPeerings().size();
        PeeringConnection p = cloud.peerings().create(r.caller(), r.params().required("VpcId"),
                r.params().string("PeerVpcId"), r.params().string("PeerOwnerId"), r.params().string("PeerRegion"),
                r.params().tagSpecifications("vpc-peering-connection"), r.now());
        // a new request answers "initiating-request"; an existing connection for the pair shows its real state
        boolean created = cloud.allPeerings().size() > before;
        out.open("vpcPeeringConnection");
        peering(out, cloud, p, r.caller(), r.now(), created);
        out.close("vpcPeeringConnection");
    }

    private static void describe(Request r, XmlWriter out) {
        Caller caller = r.caller();
        Instant now = r.now();
        Cloud cloud = r.cloud();
        ResourceQuery<PeeringConnection> query = new ResourceQuery<PeeringConnection>(PeeringConnection::id,
                PeeringConnection::sequence, p -> p.tagsSeenBy(caller))
                .filter("vpc-peering-connection-id", PeeringConnection::id)
                .filter("status-code", p -> p.stateAt(now).code())
                .filter("status-message", p -> p.statusMessage(now))
                .filter("expiration-time", p -> p.stateAt(now) == PeeringState.PENDING_ACCEPTANCE
                        ? Render.timestamp(p.expiresAt()) : null)
                .filterMany("accepter-vpc-info.cidr-block", p -> ipv4Cidrs(cloud, p.accepter()))
                .filter("accepter-vpc-info.owner-id", p -> p.accepter().ownerId())
                .filter("accepter-vpc-info.vpc-id", p -> p.accepter().vpcId())
                .filterMany("requester-vpc-info.cidr-block", p -> ipv4Cidrs(cloud, p.requester()))
                .filter("requester-vpc-info.owner-id", p -> p.requester().ownerId())
                .filter("requester-vpc-info.vpc-id", p -> p.requester().vpcId());
        List<String> ids = r.params().list("VpcPeeringConnectionId");
        var page = query.run(cloud.visiblePeerings(caller, now, ids), ids, r.params(),
                Render.notFound("InvalidVpcPeeringConnectionID.NotFound", "The vpcPeeringConnection ID '%s' does not exist"));
        Render.items(out, "vpcPeeringConnectionSet", page.items(),
                (o, p) -> peering(o, cloud, p, caller, now, false));
        Render.nextToken(out, page.nextToken());
    }

    private static void modifyOptions(Request r, XmlWriter out) {
        String id = r.params().required("VpcPeeringConnectionId");
        PeeringConnection p = r.cloud().requirePeering(r.caller(), id, r.now());
        Params requester = r.params().struct("RequesterPeeringConnectionOptions");
        Params accepter = r.params().struct("AccepterPeeringConnectionOptions");
        // each side's options are updated field by field: what the request leaves out stays as it was
        PeeringOptions requesterOptions = requester.isEmpty() ? null : merge(p.requesterOptions(), requester);
        PeeringOptions accepterOptions = accepter.isEmpty() ? null : merge(p.accepterOptions(), accepter);
        r.cloud().peerings().modifyOptions(r.caller(), id, requesterOptions, accepterOptions, r.now());
        if (requesterOptions != null) {
            options(out, "requesterPeeringConnectionOptions", requesterOptions);
        }
        if (accepterOptions != null) {
            options(out, "accepterPeeringConnectionOptions", accepterOptions);
        }
    }

    private static PeeringOptions merge(PeeringOptions current, Params changes) {
        Boolean dns = changes.bool("AllowDnsResolutionFromRemoteVpc");
        Boolean classicLinkToRemote = changes.bool("AllowEgressFromLocalClassicLinkToRemoteVpc");
        Boolean vpcToRemoteClassicLink = changes.bool("AllowEgressFromLocalVpcToRemoteClassicLink");
        return new PeeringOptions(
                dns != null ? dns : current.allowDnsResolutionFromRemoteVpc(),
                classicLinkToRemote != null ? classicLinkToRemote : current.allowEgressFromLocalClassicLinkToRemoteVpc(),
                vpcToRemoteClassicLink != null ? vpcToRemoteClassicLink
                        : current.allowEgressFromLocalVpcToRemoteClassicLink());
    }

    // ---- rendering ----

    /**
     * One VpcPeeringConnection as {@code caller} sees it at {@code now}. {@code asCreated} renders
     * a pending connection as AWS's Create response does ({@code initiating-request}).
     */
    static void peering(XmlWriter out, Cloud cloud, PeeringConnection p, Caller caller, Instant now,
                        boolean asCreated) {
        PeeringState state = p.stateAt(now);
        String code = state.code();
        String message = p.statusMessage(now);
        if (asCreated && state == PeeringState.PENDING_ACCEPTANCE) {
            code = PeeringState.INITIATING_REQUEST.code();
            message = "Initiating Request to " + p.accepter().ownerId();
        }
        // "CIDR block information is only returned when describing an active VPC peering connection":
        // before that the accepter side shows only its owner, VPC and region
        boolean accepterDetails = state == PeeringState.ACTIVE || state == PeeringState.PROVISIONING
                || state == PeeringState.DELETING;
        out.element("vpcPeeringConnectionId", p.id());
        out.open("requesterVpcInfo");
        vpcInfo(out, cloud, p.requester(), p.requesterOptions(), true);
        out.close("requesterVpcInfo");
        out.open("accepterVpcInfo");
        vpcInfo(out, cloud, p.accepter(), p.accepterOptions(), accepterDetails);
        out.close("accepterVpcInfo");
        out.open("status").element("code", code).element("message", message).close("status");
        if (state == PeeringState.PENDING_ACCEPTANCE) {
            out.element("expirationTime", Render.timestamp(p.expiresAt()));
        }
        Render.tags(out, p.tagsSeenBy(caller));
    }

    private static void vpcInfo(XmlWriter out, Cloud cloud, PeeringConnection.Side side, PeeringOptions options,
                                boolean details) {
        Vpc vpc = details ? cloud.vpc(side.vpcId()) : null;
        if (vpc != null) {
            out.element("cidrBlock", vpc.primaryCidr());
            Render.items(out, "cidrBlockSet", vpc.ipv4Blocks(), (o, b) -> o.element("cidrBlock", b.cidr()));
            if (!vpc.ipv6Blocks().isEmpty()) {
                Render.items(out, "ipv6CidrBlockSet", vpc.ipv6Blocks(),
                        (o, b) -> o.element("ipv6CidrBlock", b.cidr()));
            }
        }
        out.element("ownerId", side.ownerId());
        if (details) {
            optionsBody(out.open("peeringOptions"), options).close("peeringOptions");
        }
        out.element("vpcId", side.vpcId()).element("region", side.region());
    }

    private static void options(XmlWriter out, String element, PeeringOptions options) {
        optionsBody(out.open(element), options).close(element);
    }

    private static XmlWriter optionsBody(XmlWriter out, PeeringOptions options) {
        return out.element("allowDnsResolutionFromRemoteVpc", options.allowDnsResolutionFromRemoteVpc())
                .element("allowEgressFromLocalClassicLinkToRemoteVpc",
                        options.allowEgressFromLocalClassicLinkToRemoteVpc())
                .element("allowEgressFromLocalVpcToRemoteClassicLink",
                        options.allowEgressFromLocalVpcToRemoteClassicLink());
    }

    private static Collection<String> ipv4Cidrs(Cloud cloud, PeeringConnection.Side side) {
        Vpc vpc = cloud.vpc(side.vpcId());
        List<String> out = new ArrayList<>();
        if (vpc != null) {
            vpc.ipv4Blocks().forEach(b -> out.add(b.cidr().toString()));
        }
        return out;
    }
}

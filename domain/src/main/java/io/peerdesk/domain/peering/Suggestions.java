package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.RouteTable;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.contract.ContractTerms;
import io.peerdesk.domain.contract.Prefix;
import io.peerdesk.domain.peering.PeeringTargets.Choice;
import io.peerdesk.domain.support.TenantId;

import java.util.ArrayList;
import java.util.List;

/**
 * The wizard's proposal for a pair of VPCs (see {@link PeeringRequests#suggestRoutes}), and the route tables and
 * security groups of a pair (see {@link PeeringRequests#targets}).
 */
final class Suggestions {

    private Suggestions() {
    }

    static PeeringSuggestion of(Vpc requester, Vpc accepter, TenantId requesterTenant, TenantId accepterTenant,
                                ContractTerms contract) {
        List<PlannedRoute> routes = new ArrayList<>();
        routes(routes, PeeringSide.REQUESTER, requester, destinations(accepter, contract.prefixesOf(accepterTenant)));
        routes(routes, PeeringSide.ACCEPTER, accepter, destinations(requester, contract.prefixesOf(requesterTenant)));
        return new PeeringSuggestion(routes, targets(requester, accepter));
    }

    /** The route tables and security groups of both VPCs; none of a VPC the inventory no longer has ({@code null}). */
    static PeeringTargets targets(Vpc requester, Vpc accepter) {
        return new PeeringTargets(tables(requester), tables(accepter), groups(requester), groups(accepter));
    }

    private static void routes(List<PlannedRoute> routes, PeeringSide side, Vpc vpc, List<Prefix> destinations) {
        for (RouteTable table : vpc.routeTables()) {
            for (Prefix destination : destinations) {
                routes.add(new PlannedRoute(side, table.routeTableId(), destination.toString()));
            }
        }
    }

    /** The peer's IPv4 blocks, narrowed to what the contract lets the peer expose. */
    private static List<Prefix> destinations(Vpc peer, List<Prefix> exposed) {
        List<Prefix> out = new ArrayList<>();
        for (Prefix block : Blocks.of(peer.cidrBlocks())) {
            if (block.v6()) {
                continue;
            }
            for (Prefix allowed : exposed) {
                Prefix narrowed = allowed.contains(block) ? block : block.contains(allowed) ? allowed : null;
                if (narrowed != null && !out.contains(narrowed)) {
                    out.add(narrowed);
                }
            }
        }
        return out;
    }

    private static List<Choice> tables(Vpc vpc) {
        return vpc == null ? List.of() : vpc.routeTables().stream().map(t -> new Choice(t.routeTableId(), t.name())).toList();
    }

    private static List<Choice> groups(Vpc vpc) {
        return vpc == null ? List.of() : vpc.securityGroups().stream().map(g -> new Choice(g.groupId(), g.name())).toList();
    }
}

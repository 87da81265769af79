package io.peerdesk.domain.peering;

import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.inventory.VpcId;

import java.util.List;

/**
 * What a requester files: its VPC, the partner's VPC (from {@link PeeringRequests#partnerVpcs}),
 * the contract it relies on (null: the active contract with the partner that covers both regions)
 * and the routes and rules both sides need.
 */
public record NewPeeringRequest(ContractId contract, VpcId requesterVpc, VpcId accepterVpc, List<PlannedRoute> routes,
                                List<PlannedRule> rules) {

    public NewPeeringRequest {
        routes = routes == null ? List.of() : List.copyOf(routes);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}

package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.contract.ContractTerms;
import io.peerdesk.domain.contract.Prefix;
import io.peerdesk.domain.support.TenantId;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a peering request must satisfy before anything is created in the cloud: the contract
 * (regions, exposed prefixes, traffic, peering limit), the two VPCs (no overlapping block at all,
 * IPv4 or IPv6), the routes and rules ({@link PlanCheck}), no second open request for the pair,
 * and the cloud's quotas. Every problem says what to change. Pure: the caller gathers the facts.
 */
final class PeeringCheck {

    /** What a passed check covered, in a line. */
    static final String WHAT = "contract (regions, prefixes, ports, peering limit), no overlapping address blocks,"
            + " routes and route tables, no other request for the pair, the cloud's quotas";

    private final PeeringProperties limits;

    PeeringCheck(PeeringProperties limits) {
        this.limits = limits;
    }

    /** One side of the case: whose VPC it is and the VPC as the inventory (or the cloud) reports it. */
    record Side(TenantId tenant, String tenantName, Vpc vpc) {

        String label() {
            return vpc.label();
        }
    }

    /** What the portal already holds for the pair, the VPCs and the contract (the request itself left out). */
    record Counts(List<Existing> openForPair, int outstandingFromRequesterAccount, int establishedRequester,
                  int establishedAccepter, int openUnderContract) {
    }

    /** An open request or peering of the same pair. */
    record Existing(PeeringRequestId id, PeeringState state) {
    }

    /**
     * {@code contract} is null when the two tenants have no active contract. {@code newPeering}: the
     * routes and rules are a whole plan (both sides need a route), not additions to an active peering.
     */
    record Case(Side requester, Side accepter, ContractTerms contract, List<PlannedRoute> routes, List<PlannedRule> rules,
                Counts counts, boolean newPeering) {

        Side side(PeeringSide side) {
            return side == PeeringSide.REQUESTER ? requester : accepter;
        }
    }

    List<PeeringProblem> check(Case c) {
        List<PeeringProblem> problems = new ArrayList<>();
        contract(c, problems);
        overlap(c, problems);
        new PlanCheck(c, limits, problems).check();
        duplicates(c, problems);
        quotas(c, problems);
        return problems;
    }

    private static void contract(Case c, List<PeeringProblem> problems) {
        if (c.contract() == null) {
            problems.add(new PeeringProblem("contract", "There is no active contract between " + c.requester().tenantName()
                    + " and " + c.accepter().tenantName() + ": a peering needs one. Ask a tenant admin to propose a contract."));
            return;
        }
        for (Side side : List.of(c.requester(), c.accepter())) {
            if (!c.contract().allowsRegion(side.vpc().region())) {
                String field = side == c.requester() ? "requesterVpc" : "accepterVpc";
                problems.add(new PeeringProblem(field, side.label() + " is in " + side.vpc().region()
                        + ", but the contract allows only " + String.join(", ", c.contract().regions())
                        + ": choose a VPC in one of those regions."));
            }
        }
    }

    /** The cloud refuses to peer VPCs with any overlapping block, even one the routes would not use. */
    private static void overlap(Case c, List<PeeringProblem> problems) {
        List<String> pairs = new ArrayList<>();
        for (Prefix mine : Blocks.of(c.requester().vpc().cidrBlocks())) {
            for (Prefix theirs : Blocks.of(c.accepter().vpc().cidrBlocks())) {
                if (mine.overlaps(theirs)) {
                    pairs.add(mine + " of " + c.requester().label() + " overlaps " + theirs + " of " + c.accepter().label());
                }
            }
        }
        if (!pairs.isEmpty()) {
            problems.add(new PeeringProblem("accepterVpc", "The VPCs' address blocks overlap, and the cloud does not peer"
                    + " overlapping VPCs: " + String.join("; ", pairs) + ". Choose VPCs whose blocks do not overlap."));
        }
    }

    private static void duplicates(Case c, List<PeeringProblem> problems) {
        for (Existing open : c.counts().openForPair()) {
            problems.add(new PeeringProblem("accepterVpc", "There is already a peering request for "
                    + c.requester().label() + " and " + c.accepter().label() + ": " + open.id() + " ("
                    + open.state().name().toLowerCase().replace('_', ' ') + "). Follow that one instead of filing another."));
        }
    }

    private void quotas(Case c, List<PeeringProblem> problems) {
        if (c.counts().outstandingFromRequesterAccount() >= limits.outstandingPerAccount()) {
            Vpc vpc = c.requester().vpc();
            problems.add(new PeeringProblem("requesterVpc", "Account " + vpc.ownerId() + " (of " + c.requester().label()
                    + ") already has " + c.counts().outstandingFromRequesterAccount() + " peering requests awaiting"
                    + " acceptance in " + vpc.region() + ", the most the cloud allows per account and region ("
                    + limits.outstandingPerAccount() + "). Wait for decisions or cancel one."));
        }
        established(c.requester(), "requesterVpc", c.counts().establishedRequester(), problems);
        established(c.accepter(), "accepterVpc", c.counts().establishedAccepter(), problems);
        if (c.contract() != null && c.counts().openUnderContract() >= c.contract().maxPeerings()) {
            problems.add(new PeeringProblem("contract", "The contract allows " + c.contract().maxPeerings()
                    + " peerings and " + c.counts().openUnderContract() + " are active or requested."
                    + " Tear one down or agree a higher limit."));
        }
    }

    private void established(Side side, String field, int count, List<PeeringProblem> problems) {
        if (count >= limits.activePerVpc()) {
            problems.add(new PeeringProblem(field, side.label() + " already has " + count + " active peerings, the most the"
                    + " cloud allows per VPC (" + limits.activePerVpc() + "). Tear one down first."));
        }
    }
}

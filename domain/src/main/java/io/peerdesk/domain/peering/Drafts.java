package io.peerdesk.domain.peering;

import io.peerdesk.domain.contract.Contract;
import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.contract.ContractTerms;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.contract.PortRule;
import io.peerdesk.domain.contract.Protocol;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.TenantVpc;
import io.peerdesk.domain.inventory.VpcDetail;
import io.peerdesk.domain.peering.PeeringCheck.Side;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.tenancy.Tenancy;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a requester typed into a checkable case: its own VPC from its inventory, the partner's
 * VPC (only through a contract with its owner), the contract, and the rules with their defaults
 * (no source: the other VPC's primary block; one port: a range of one). Without a contract between
 * the two tenants nothing of the partner's VPC is looked at.
 */
@Component
class Drafts {

    private final Inventory inventory;
    private final Contracts contracts;
    private final Tenancy tenancy;
    private final PeeringFacts facts;

    Drafts(Inventory inventory, Contracts contracts, Tenancy tenancy, PeeringFacts facts) {
        this.inventory = inventory;
        this.contracts = contracts;
        this.tenancy = tenancy;
        this.facts = facts;
    }

    /** A resolved draft; {@code problems} already holds what stopped the resolution, if anything did. */
    record Draft(VpcDetail requesterVpc, TenantVpc accepterVpc, ContractTerms contract, List<PlannedRoute> routes,
                 List<PlannedRule> rules, List<PeeringProblem> problems) {

        boolean resolved() {
            return requesterVpc != null && accepterVpc != null && contract != null;
        }
    }

    /** Resolves and checks a draft: every problem at once. */
    Draft check(Actor actor, NewPeeringRequest request) {
        Draft draft = resolve(actor, request);
        if (!draft.resolved()) {
            return draft;
        }
        String requesterName = tenancy.tenant(actor.tenant()).name();
        String accepterName = draft.contract().counterpart(actor.tenant()).name();
        PeeringCheck.Case c = new PeeringCheck.Case(
                new Side(actor.tenant(), requesterName, draft.requesterVpc().vpc()),
                new Side(draft.accepterVpc().tenant(), accepterName, draft.accepterVpc().detail().vpc()),
                draft.contract(), draft.routes(), draft.rules(),
                facts.counts(draft.requesterVpc().id(), draft.accepterVpc().detail().id(), draft.contract().id(), null),
                true);
        List<PeeringProblem> problems = new ArrayList<>(draft.problems());
        problems.addAll(facts.check().check(c));
        return new Draft(draft.requesterVpc(), draft.accepterVpc(), draft.contract(), draft.routes(), draft.rules(),
                problems);
    }

    private Draft resolve(Actor actor, NewPeeringRequest request) {
        List<PeeringProblem> problems = new ArrayList<>();
        VpcDetail own = ownVpc(actor, request, problems);
        Optional<TenantVpc> theirs = request.accepterVpc() == null ? Optional.empty()
                : inventory.vpcOfAnyTenant(request.accepterVpc()).filter(v -> !v.tenant().equals(actor.tenant()));
        ContractTerms contract = contract(actor, request, theirs, own, problems);
        if (contract != null && (theirs.isEmpty() || !theirs.get().tenant().equals(contract.counterpart(actor.tenant()).id()))) {
            problems.add(new PeeringProblem("accepterVpc", "Choose one of " + contract.counterpart(actor.tenant()).name()
                    + "'s VPCs shared under the contract."));
            theirs = Optional.empty();
        }
        if (own == null || theirs.isEmpty() || contract == null) {
            return new Draft(own, theirs.orElse(null), contract, request.routes(), request.rules(), problems);
        }
        return new Draft(own, theirs.get(), contract, stripped(request.routes()),
                normalized(request.rules(), own, theirs.get().detail()), problems);
    }

    /** A change's additions, taken as a new request's entries are; its removals as given (they name plan entries). */
    static PeeringChange normalized(PeeringChange change, VpcDetail requesterVpc, VpcDetail accepterVpc) {
        return new PeeringChange(stripped(change.addRoutes()), change.removeRoutes(),
                normalized(change.addRules(), requesterVpc, accepterVpc), change.removeRules(), change.reason());
    }

    private static List<PlannedRoute> stripped(List<PlannedRoute> routes) {
        return routes.stream().map(r -> new PlannedRoute(r.side(), strip(r.routeTableId()), strip(r.destinationCidr()))).toList();
    }

    /** Each rule's source defaults to the primary block of the VPC on the other side of its own. */
    private static List<PlannedRule> normalized(List<PlannedRule> rules, VpcDetail requesterVpc, VpcDetail accepterVpc) {
        String requesterPrimary = primary(requesterVpc);
        String accepterPrimary = primary(accepterVpc);
        return rules.stream()
                .map(rule -> normalized(rule, rule.side() == PeeringSide.REQUESTER ? accepterPrimary : requesterPrimary)).toList();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private VpcDetail ownVpc(Actor actor, NewPeeringRequest request, List<PeeringProblem> problems) {
        if (request.requesterVpc() == null) {
            problems.add(new PeeringProblem("requesterVpc", "Choose one of your VPCs."));
            return null;
        }
        try {
            return inventory.vpc(actor, request.requesterVpc());
        } catch (NotFound e) {
            problems.add(new PeeringProblem("requesterVpc", "Choose one of your VPCs: " + request.requesterVpc()
                    + " is not in your inventory."));
            return null;
        }
    }

    /**
     * The contract named, if in force; else the active contract with the VPC's owner that allows both
     * regions (or the first one). The owner of a VPC without a contract stays unnamed.
     */
    private ContractTerms contract(Actor actor, NewPeeringRequest request, Optional<TenantVpc> theirs, VpcDetail own,
                                   List<PeeringProblem> problems) {
        if (request.contract() != null) {
            return named(actor, request.contract(), problems);
        }
        if (theirs.isEmpty()) {
            problems.add(new PeeringProblem("accepterVpc", "Choose a partner's VPC: pick the contract, then one of the"
                    + " partner's VPCs it shares."));
            return null;
        }
        List<ContractTerms> active = contracts.activeBetween(actor.tenant(), theirs.get().tenant());
        if (active.isEmpty()) {
            problems.add(new PeeringProblem("contract", "There is no active contract between "
                    + tenancy.tenant(actor.tenant()).name() + " and the owner of that VPC: a peering needs one."
                    + " Ask a tenant admin to propose a contract."));
            return null;
        }
        String theirRegion = theirs.get().detail().vpc().region();
        return active.stream().filter(t -> t.allowsRegion(theirRegion) && (own == null || t.allowsRegion(own.vpc().region())))
                .findFirst().orElse(active.get(0));
    }

    private ContractTerms named(Actor actor, ContractId id, List<PeeringProblem> problems) {
        Contract contract;
        try {
            contract = contracts.get(actor, id);
        } catch (NotFound e) {
            problems.add(new PeeringProblem("contract", "Choose one of your contracts: " + id + " was not found."));
            return null;
        }
        if (!contracts.inForce(contract)) {
            problems.add(new PeeringProblem("contract", "The contract \"" + contract.title() + "\" is "
                    + contract.state().name().toLowerCase() + ", not in force: a peering needs an active contract."));
            return null;
        }
        return contract.terms();
    }

    private static String primary(VpcDetail vpc) {
        return vpc.vpc().cidrBlocks().stream().filter(b -> !b.ipv6()).map(b -> b.cidr()).findFirst().orElse(null);
    }

    /** A blank source becomes the other VPC's primary block; tcp/udp ports become a range; codes lower case. */
    private static PlannedRule normalized(PlannedRule rule, String otherPrimary) {
        String source = rule.sourceCidr() == null || rule.sourceCidr().isBlank() ? otherPrimary : rule.sourceCidr().strip();
        String group = strip(rule.securityGroupId());
        String protocol = rule.protocol() == null ? null : rule.protocol().strip().toLowerCase();
        Integer from = rule.fromPort();
        Integer to = rule.toPort();
        Protocol known = Protocol.fromCode(protocol);
        if (known != null) {
            try {
                PortRule ports = PortRule.of(known, from, to);
                from = ports.fromPort();
                to = ports.toPort();
            } catch (IllegalArgumentException e) {
                // the check reports it
            }
        }
        return new PlannedRule(rule.side(), group, protocol, from, to, source);
    }
}

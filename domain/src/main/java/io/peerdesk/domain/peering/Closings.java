package io.peerdesk.domain.peering;

import io.peerdesk.domain.contract.ContractTerms;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.TenantVpc;
import io.peerdesk.domain.peering.PeeringCheck.Counts;
import io.peerdesk.domain.peering.PeeringCheck.Side;
import io.peerdesk.domain.peering.PeeringEvents.PeeringCancellationRequested;
import io.peerdesk.domain.peering.PeeringEvents.PeeringChangeRequested;
import io.peerdesk.domain.peering.PeeringEvents.PeeringTeardownRequested;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotPermitted;
import io.peerdesk.domain.support.Role;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a party may ask of a request after filing it: the requester cancels one not yet provisioned,
 * either party tears an active peering down or proposes a change of its routes and rules. Each is
 * recorded (the state moves, where it does, conditionally on the version read) and handed to the
 * workflow as an event.
 */
@Component
class Closings {

    private static final int MAX_REASON = 500;

    private final PeeringRepository requests;
    private final Inventory inventory;
    private final Contracts contracts;
    private final PeeringFacts facts;
    private final PeeringNews news;
    private final Clock clock;

    Closings(PeeringRepository requests, Inventory inventory, Contracts contracts, PeeringFacts facts, PeeringNews news,
             Clock clock) {
        this.requests = requests;
        this.inventory = inventory;
        this.contracts = contracts;
        this.facts = facts;
        this.news = news;
        this.clock = clock;
    }

    void cancel(Actor actor, StoredRequest r, String reason) {
        if (r.sideOf(actor.tenant()) != PeeringSide.REQUESTER) {
            throw new NotPermitted("Only " + r.requester().end().tenantName() + " can cancel its request; you can reject it.");
        }
        actor.require(Role.REQUESTER);
        if (!PeeringRepository.OUTSTANDING.contains(r.state()) || r.decided()) {
            throw new Conflict("This request is " + label(r.state()) + (r.decided() ? " and decided" : "")
                    + ": only a request awaiting its decision can be cancelled.");
        }
        if (r.closing() != null) {
            throw new Conflict("Its cancellation was already asked for by " + r.closing().requestedBy() + ".");
        }
        String why = reason(reason, false);
        PeeringSteps.changed(requests.recordClosing(r, new StoredRequest.Closing(actor.name(), clock.instant(), why),
                r.state(), clock.instant()));
        news.record(actor, r, "peering.cancel-requested", actor.name() + " asked to cancel the request" + because(why));
        news.publish(new PeeringCancellationRequested(r.id()));
    }

    void tearDown(Actor actor, StoredRequest r, String reason) {
        PeeringSide side = r.sideOf(actor.tenant());
        actor.require(Role.REQUESTER, Role.NETWORK_ADMIN);
        if (r.state() != PeeringState.ACTIVE) {
            throw new Conflict("This peering is " + label(r.state()) + ": only an active peering can be torn down.");
        }
        String why = reason(reason, true);
        PeeringSteps.changed(requests.recordClosing(r, new StoredRequest.Closing(actor.name(), clock.instant(), why),
                PeeringState.TEARING_DOWN, clock.instant()));
        news.record(actor, r, "peering.teardown-requested", actor.name() + " of " + r.party(side).end().tenantName()
                + " asked to tear the peering down" + because(why));
        String message = r.party(side).end().tenantName() + " is tearing down the peering " + PeeringNews.pair(r) + because(why) + ".";
        if (side == PeeringSide.REQUESTER) {
            news.toAccepter(r, Role.APPROVER, message);
        } else {
            news.toRequester(r, message);
        }
        news.publish(new PeeringTeardownRequested(r.id()));
    }

    /** Records the proposed change under a new id and returns the id. */
    ChangeId change(Actor actor, StoredRequest r, PeeringChange change) {
        PeeringSide side = r.sideOf(actor.tenant());
        actor.require(Role.REQUESTER, Role.NETWORK_ADMIN);
        if (r.state() != PeeringState.ACTIVE) {
            throw new Conflict("This peering is " + label(r.state()) + ": only an active peering can be changed.");
        }
        if (change == null || change.isEmpty()) {
            throw new InvalidInput("change", "Add or remove at least one route or rule.");
        }
        String why = reason(change.reason(), true);
        ContractTerms terms = contracts.inForceBetween(r.requester().tenant(), r.accepter().tenant(), r.contract())
                .orElse(null);
        TenantVpc requesterVpc = inventory.vpcOfAnyTenant(r.requester().end().vpc()).orElse(null);
        TenantVpc accepterVpc = inventory.vpcOfAnyTenant(r.accepter().end().vpc()).orElse(null);
        if (terms == null || requesterVpc == null || accepterVpc == null) {
            throw PeeringRequests.invalid(List.of(new PeeringProblem("change", "The contract is no longer in force or a VPC"
                    + " has left the inventory: the peering cannot be changed, only torn down.")));
        }
        change = Drafts.normalized(change, requesterVpc.detail(), accepterVpc.detail());
        List<PeeringProblem> problems = problems(r, change, terms, requesterVpc, accepterVpc);
        if (!problems.isEmpty()) {
            throw PeeringRequests.invalid(problems);
        }
        ChangeId id = new ChangeId(UUID.randomUUID());
        PeeringSteps.changed(requests.recordChange(r, new StoredRequest.Change(id, side, actor.name(), clock.instant(), why,
                null, false, null, null, null), clock.instant()));
        requests.insertPlan(r.id(), change.addRoutes(), change.addRules(), "ADD");
        requests.markForRemoval(r.id(), change.removeRoutes(), change.removeRules());
        news.record(actor, r, "peering.change-requested", actor.name() + " of " + r.party(side).end().tenantName()
                + " proposed a change " + id + because(why));
        news.publish(new PeeringChangeRequested(r.id(), id));
        return id;
    }

    /** Removals must be in the plan; additions must not be, and must pass the checks a new request's entries pass. */
    private List<PeeringProblem> problems(StoredRequest r, PeeringChange change, ContractTerms terms, TenantVpc requesterVpc,
                                          TenantVpc accepterVpc) {
        List<PeeringProblem> problems = new ArrayList<>();
        change.removeRoutes().stream().filter(x -> !r.routes().contains(x)).forEach(x ->
                problems.add(new PeeringProblem("removeRoutes", x.label() + " is not part of this peering.")));
        change.removeRules().stream().filter(x -> !r.rules().contains(x)).forEach(x ->
                problems.add(new PeeringProblem("removeRules", x.label() + " is not part of this peering.")));
        change.addRoutes().stream().filter(x -> r.routes().contains(x)).forEach(x ->
                problems.add(new PeeringProblem("addRoutes", x.label() + " is already part of this peering.")));
        change.addRules().stream().filter(x -> r.rules().contains(x)).forEach(x ->
                problems.add(new PeeringProblem("addRules", x.label() + " is already part of this peering.")));
        PeeringCheck.Case c = new PeeringCheck.Case(
                new Side(r.requester().tenant(), r.requester().end().tenantName(), requesterVpc.detail().vpc()),
                new Side(r.accepter().tenant(), r.accepter().end().tenantName(), accepterVpc.detail().vpc()),
                terms, change.addRoutes(), change.addRules(), new Counts(List.of(), 0, 0, 0, 0), false);
        facts.check().check(c).stream()
                .map(p -> new PeeringProblem(p.field().replace("routes", "addRoutes").replace("rules", "addRules"),
                        p.message()))
                .forEach(problems::add);
        return problems;
    }

    private static String reason(String reason, boolean required) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (required && why == null) {
            throw new InvalidInput("reason", "Give a reason: the other side reads it.");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw new InvalidInput("reason", "At most " + MAX_REASON + " characters.");
        }
        return why;
    }

    private static String label(PeeringState state) {
        return state.name().toLowerCase().replace('_', ' ');
    }

    private static String because(String why) {
        return why == null ? "" : ": " + why;
    }
}

package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.CloudCredentials;
import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.cloud.CloudNetwork;
import io.peerdesk.domain.cloud.PeeringConnection;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.peering.PeeringEvents.PeeringActivated;
import io.peerdesk.domain.peering.PeeringCheckResult.Kind;
import io.peerdesk.domain.peering.PeeringCheckResult.Outcome;
import io.peerdesk.domain.peering.PeeringCheckResult.Stage;
import io.peerdesk.domain.peering.PeeringEvents.PeeringEnded;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The workflow's steps (see {@link PeeringLifecycle}). Cloud calls run outside any database
 * transaction; each step then records its state change, its shared audit event and its
 * notifications in one transaction of its own, committed at once. Re-validation, the end of
 * provisioning (its routes and rules are recorded once the cloud has them), verification and activation,
 * which leave nothing unrecorded in the cloud, record theirs in the workflow job's transaction
 * instead: if that rolls back, the step runs again. Every step may run again: it looks at what is recorded and
 * in the cloud before it acts.
 */
@Service
@EnableConfigurationProperties(PeeringProperties.class)
class PeeringSteps implements PeeringLifecycle {

    private static final Duration CLOUD_EXPIRY = Duration.ofDays(7);

    private final PeeringRepository requests;
    private final PeeringFacts facts;
    private final Decisions decisions;
    private final Provisioning provisioning;
    private final Dismantling dismantling;
    private final Changes changes;
    private final Reachabilities reachabilities;
    private final SideAccess sides;
    private final CloudNetwork cloud;
    private final PeeringNews news;
    private final PolicyReminders policyReminders;
    private final OwnTransactions transactions;
    private final CloudWaits waits;
    private final Clock clock;

    PeeringSteps(PeeringRepository requests, PeeringFacts facts, Contracts contracts, Provisioning provisioning,
                 Dismantling dismantling, Changes changes, Reachabilities reachabilities, SideAccess sides, CloudNetwork cloud,
                 PeeringNews news, PolicyReminders policyReminders, OwnTransactions transactions, CloudWaits waits,
                 Clock clock) {
        this.requests = requests;
        this.facts = facts;
        this.decisions = new Decisions(requests, contracts, news, clock);
        this.provisioning = provisioning;
        this.dismantling = dismantling;
        this.changes = changes;
        this.reachabilities = reachabilities;
        this.sides = sides;
        this.cloud = cloud;
        this.news = news;
        this.policyReminders = policyReminders;
        this.transactions = transactions;
        this.waits = waits;
        this.clock = clock;
    }

    @Override
    public ValidationResult validate(PeeringRequestId id) {
        StoredRequest r = load(id);
        List<PeeringProblem> problems = facts.recheck(r);
        Instant at = clock.instant();
        List<PeeringCheckResult> results = problems.isEmpty()
                ? List.of(new PeeringCheckResult(Kind.VALIDATION, Stage.APPROVAL, Outcome.PASSED, PeeringCheck.WHAT, null, at))
                : problems.stream().map(p -> new PeeringCheckResult(Kind.VALIDATION, Stage.APPROVAL, Outcome.FAILED,
                        p.message(), null, at)).toList();
        transactions.joined(() -> requests.replaceChecks(id, Kind.VALIDATION, Stage.APPROVAL, results));
        return new ValidationResult(problems.stream().map(PeeringProblem::message).toList());
    }

    @Override
    public Instant requestConnection(PeeringRequestId id) {
        StoredRequest r = load(id);
        if (r.pcxId() != null) {
            return r.connectionExpiresAt();
        }
        expect(r, Set.of(PeeringState.SUBMITTED), "request a connection for");
        PeeringEnd requester = r.requester().end();
        PeeringEnd accepter = r.accepter().end();
        CloudCredentials credentials = sides.credentials(r, PeeringSide.REQUESTER);
        PeeringConnection connection = CloudStep.call("requesting the connection from " + requester.vpcLabel(),
                () -> cloud.createPeeringConnection(credentials, requester.region(), requester.cloudVpcId(),
                        accepter.cloudVpcId(), accepter.accountNumber(), accepter.region(), id.toString()));
        if (!id.toString().equals(connection.tags().get(CloudNetwork.REQUEST_TAG))) {
            throw new PeeringStepFailed("ConnectionExists", "The VPCs are already joined by " + connection.id() + " ("
                    + connection.status() + "), made outside the portal. Delete it in the cloud, then file the request again.");
        }
        if (!connection.live()) {
            throw new PeeringStepFailed(connection.status(), "The cloud did not open the connection " + connection.id()
                    + ": it is " + connection.status() + " (" + connection.statusMessage() + ").");
        }
        Instant expires = connection.expiresAt() != null ? connection.expiresAt() : clock.instant().plus(CLOUD_EXPIRY);
        transactions.run(() -> {
            changed(requests.recordConnection(r, connection.id(), expires, PeeringState.PENDING_APPROVAL, clock.instant()));
            news.record(PeeringNews.portal(r), r, "peering.connection-requested", "requested " + connection.id()
                    + " for " + PeeringNews.pair(r) + "; it expires unless accepted by " + expires);
            news.toAccepter(r, Role.APPROVER, r.requester().end().tenantName() + " asks to peer "
                    + requester.vpcLabel() + " with your " + accepter.vpcLabel() + ": decide by " + expires + ".");
        });
        return expires;
    }

    @Override
    public boolean needsSecurityReview(PeeringRequestId id) {
        return decisions.needsSecurityReview(load(id));
    }

    @Override
    @Transactional
    public void decide(Actor actor, PeeringRequestId id, Decision decision) {
        StoredRequest r = requests.find(actor.tenant(), id).orElseThrow(() -> new NotFound("Peering request", id));
        decisions.decide(actor, r, decision);
    }

    @Override
    public void remind(PeeringRequestId id) {
        StoredRequest r = load(id);
        if (r.decided() || (r.state() != PeeringState.PENDING_APPROVAL && r.state() != PeeringState.SECURITY_REVIEW)) {
            return;
        }
        boolean review = r.state() == PeeringState.SECURITY_REVIEW;
        String accepter = r.accepter().end().tenantName();
        transactions.run(() -> {
            List<String> mailed = policyReminders.write(r, review);
            news.record(PeeringNews.portal(r), r, "peering.reminded", "reminded " + accepter
                    + (review ? "'s security reviewers" : "'s approvers")
                    + (mailed.isEmpty() ? "; no Policy contact of " + accepter + " has an e-mail address"
                    : " and e-mailed its Policy contacts " + String.join(", ", mailed))
                    + "; the request expires at " + r.connectionExpiresAt());
            news.toAccepter(r, review ? Role.SECURITY_REVIEWER : Role.APPROVER, "Reminder: the peering request "
                    + PeeringNews.pair(r) + " awaits your " + (review ? "security review" : "decision")
                    + "; it expires at " + r.connectionExpiresAt() + ".");
        });
    }

    @Override
    public void reject(PeeringRequestId id) {
        StoredRequest r = load(id);
        if (r.state() == PeeringState.REJECTED) {
            return;
        }
        boolean rejected = (r.approval() != null && !r.approval().approved()) || (r.review() != null && !r.review().approved());
        if (!rejected) {
            throw new PeeringStepFailed(PeeringStepFailed.STATE, "The request " + id + " was not rejected by "
                    + r.accepter().end().tenantName() + ".");
        }
        dismantling.rejectConnection(r);
        end(r, PeeringState.REJECTED, "peering.connection-rejected", r.pcxId() == null ? "closed after the rejection"
                : "rejected " + r.pcxId() + " in the cloud", null);
    }

    @Override
    public void cancel(PeeringRequestId id) {
        StoredRequest r = load(id);
        if (r.state() == PeeringState.CANCELLED) {
            return;
        }
        expect(r, PeeringRepository.OUTSTANDING, "cancel");
        dismantling.deleteConnection(r);
        String why = r.closing() == null || r.closing().reason() == null ? "" : ": " + r.closing().reason();
        end(r, PeeringState.CANCELLED, "peering.cancelled", "cancelled by " + r.requester().end().tenantName() + why,
                () -> news.toAccepter(r, Role.APPROVER, r.requester().end().tenantName() + " withdrew its peering request "
                        + PeeringNews.pair(r) + why + "."));
    }

    @Override
    public void expire(PeeringRequestId id) {
        StoredRequest r = load(id);
        if (r.state() == PeeringState.EXPIRED) {
            return;
        }
        expect(r, PeeringRepository.OUTSTANDING, "expire");
        dismantling.deleteConnection(r);
        end(r, PeeringState.EXPIRED, "peering.expired", "not decided before " + r.connectionExpiresAt(),
                () -> news.toBoth(r, "The peering request " + PeeringNews.pair(r) + " expired undecided."));
    }

    @Override
    public void provision(PeeringRequestId id) {
        StoredRequest r = load(id);
        if (r.state() == PeeringState.VERIFYING || r.state() == PeeringState.ACTIVE) {
            return;
        }
        expect(r, Set.of(PeeringState.PROVISIONING), "provision");
        List<AppliedEntry> inPlace = new java.util.ArrayList<>(r.inPlace());
        inPlace.addAll(provisioning.provision(r));
        // the routes and rules were recorded in a transaction of their own once the cloud had them (the request's
        // version stays): the step's end joins the job's transaction
        transactions.joined(() -> {
            changed(requests.moveTo(r, PeeringState.VERIFYING, clock.instant()));
            news.record(PeeringNews.portal(r), r, "peering.provisioned", "accepted " + r.pcxId() + "; in place: "
                    + String.join(", ", inPlace.stream().map(AppliedEntry::label).toList()));
        });
    }

    /** While a change is applied (CHANGING), the flows of the plan as the change leaves it: its new flows included. */
    @Override
    public List<FlowCheck> verify(PeeringRequestId id) {
        StoredRequest r = load(id);
        expect(r, Set.of(PeeringState.VERIFYING, PeeringState.ACTIVE, PeeringState.CHANGING), "verify");
        Reachabilities.Verification verification = r.state() == PeeringState.CHANGING
                ? reachabilities.verify(r, r.routesAfterChange(), r.rulesAfterChange())
                : reachabilities.verify(r);
        List<FlowCheck> failures = verification.failures();
        String outcome = verification.checks().isEmpty() ? "no flow analysed"
                : failures.isEmpty() ? flows(verification.checks().size()) + " reachable"
                : failures.size() + " of " + flows(verification.checks().size()) + " not reachable: " + String.join("; ",
                failures.stream().map(f -> f.flow() + " " + f.explanationCodes()).toList());
        String skipped = verification.notAnalysable().isEmpty() ? ""
                : "; not analysable: " + String.join(", ", verification.notAnalysable());
        Stage stage = r.state() == PeeringState.CHANGING ? Stage.CHANGE : Stage.ACTIVATION;
        Instant at = clock.instant();
        List<PeeringCheckResult> results = new java.util.ArrayList<>();
        verification.checks().forEach(c -> results.add(new PeeringCheckResult(Kind.REACHABILITY, stage,
                c.reachable() ? Outcome.PASSED : Outcome.FAILED, c.flow(),
                c.explanationCodes().isEmpty() ? null : String.join(", ", c.explanationCodes()), at)));
        verification.notAnalysable().forEach(flow -> results.add(new PeeringCheckResult(Kind.REACHABILITY, stage,
                Outcome.NOT_ANALYSED, flow, null, at)));
        transactions.joined(() -> {
            requests.replaceChecks(id, Kind.REACHABILITY, stage, results);
            news.record(PeeringNews.portal(r), r, "peering.verified", outcome + skipped);
        });
        return failures;
    }

    @Override
    public void compensate(PeeringRequestId id, String reason) {
        StoredRequest r = load(id);
        if (r.state().terminal()) {
            return;
        }
        dismantling.removeAll(r);
        StoredRequest cleaned = load(id);
        transactions.run(() -> {
            changed(requests.recordFailure(cleaned, reason, clock.instant()));
            news.record(PeeringNews.portal(cleaned), cleaned, "peering.failed", "failed and removed from the cloud: " + reason);
            news.toBoth(cleaned, "The peering " + PeeringNews.pair(cleaned) + " failed and was removed: " + reason);
            news.publish(new PeeringEnded(id, PeeringState.FAILED));
        });
    }

    @Override
    public void activate(PeeringRequestId id) {
        StoredRequest r = load(id);
        if (r.state() == PeeringState.ACTIVE) {
            return;
        }
        expect(r, Set.of(PeeringState.VERIFYING), "activate");
        transactions.joined(() -> {
            changed(requests.moveTo(r, PeeringState.ACTIVE, clock.instant()));
            news.record(PeeringNews.portal(r), r, "peering.activated", PeeringNews.pair(r) + " is active over " + r.pcxId());
            news.toBoth(r, "The peering " + PeeringNews.pair(r) + " is active.");
            news.publish(new PeeringActivated(id));
        });
    }

    @Override
    public void tearDown(PeeringRequestId id) {
        StoredRequest r = load(id);
        if (r.state() == PeeringState.DELETED) {
            return;
        }
        expect(r, Set.of(PeeringState.TEARING_DOWN, PeeringState.ACTIVE), "tear down");
        int removed = dismantling.removeAll(r);
        String why = r.closing() == null || r.closing().reason() == null ? "" : " (" + r.closing().reason() + ")";
        end(load(id), PeeringState.DELETED, "peering.deleted", "torn down" + why + ": removed " + removed
                + " routes and rules and deleted " + r.pcxId(),
                () -> news.toBoth(r, "The peering " + PeeringNews.pair(r) + " was torn down" + why + "."));
    }

    @Override
    @Transactional
    public void decideChange(Actor actor, PeeringRequestId id, ChangeId change, Decision decision) {
        StoredRequest r = requests.find(actor.tenant(), id).orElseThrow(() -> new NotFound("Peering request", id));
        decisions.decideChange(actor, r, change, decision);
    }

    @Override
    public boolean changeNeedsReview(PeeringRequestId id, ChangeId change) {
        return change(load(id), change).reviewNeeded();
    }

    @Override
    public void applyChange(PeeringRequestId id, ChangeId change) {
        StoredRequest r = load(id);
        StoredRequest.Change c = change(r, change);
        if (c.ended()) {
            endedAs(c, "APPLIED", "apply");
            return;
        }
        if (!c.approved()) {
            throw new PeeringStepFailed(PeeringStepFailed.STATE, "Cannot apply the change " + change + ": "
                    + r.party(c.side().other()).end().tenantName() + " has not approved it.");
        }
        Changes.Outcome outcome = changes.apply(r);
        StoredRequest done = load(id);
        transactions.run(() -> news.record(PeeringNews.portal(done), done, "peering.change-applied", "applied change "
                + change + ": " + outcome.applied() + " added, " + outcome.removed() + " removed; in place: "
                + String.join(", ", done.inPlace().stream().map(AppliedEntry::label).toList())));
    }

    @Override
    public void completeChange(PeeringRequestId id, ChangeId change) {
        StoredRequest r = load(id);
        StoredRequest.Change c = change(r, change);
        if (c.ended()) {
            endedAs(c, "APPLIED", "complete");
            return;
        }
        if (!c.approved()) {
            throw new PeeringStepFailed(PeeringStepFailed.STATE, "Cannot complete the change " + change
                    + ": it was not approved.");
        }
        transactions.run(() -> {
            changed(requests.endChange(r, true, null, clock.instant()));
            news.record(PeeringNews.portal(r), r, "peering.change-completed", "change " + change + " is part of the peering"
                    + summary(r) + "; " + PeeringNews.pair(r) + " is active");
            news.toBoth(r, "The change of the peering " + PeeringNews.pair(r) + " is in place" + summary(r) + ".");
        });
    }

    @Override
    public void revertChange(PeeringRequestId id, ChangeId change, String reason) {
        StoredRequest r = load(id);
        StoredRequest.Change c = change(r, change);
        if (c.ended()) {
            endedAs(c, "REVERTED", "revert");
            return;
        }
        String why = reason == null || reason.isBlank() ? "the change did not go through" : reason.strip();
        Changes.Outcome outcome = changes.revert(r);
        StoredRequest reverted = load(id);
        String undone = outcome.applied() + outcome.removed() == 0 ? "nothing of it was applied"
                : "removed " + outcome.removed() + " and restored " + outcome.applied() + " routes and rules";
        transactions.run(() -> {
            changed(requests.endChange(reverted, false, why, clock.instant()));
            news.record(PeeringNews.portal(reverted), reverted, "peering.change-reverted", "change " + change
                    + " did not go through (" + why + "): " + undone + "; the peering is as approved before");
            news.toBoth(reverted, "The change of the peering " + PeeringNews.pair(reverted) + " did not go through: "
                    + why + ". The peering is unchanged.");
        });
    }

    @Override
    public CloudWait waitForCloud(PeeringRequestId id, String step, CloudFailure failure) {
        return waits.record(id, step, failure);
    }

    @Override
    public void cloudAnswered(PeeringRequestId id) {
        waits.clear(id);
    }

    /** The request's change {@code id}, pending or ended; any other id names no change of it. */
    private static StoredRequest.Change change(StoredRequest r, ChangeId id) {
        StoredRequest.Change c = r.change();
        if (c == null || !c.id().equals(id)) {
            throw new NotFound("Change", id);
        }
        if (!c.ended() && r.state() != PeeringState.CHANGING) {
            throw new PeeringStepFailed(PeeringStepFailed.STATE, "The change " + id + " cannot go on: the peering is "
                    + r.state().name().toLowerCase().replace('_', ' ') + ".");
        }
        return c;
    }

    /** A step repeated on an ended change is done if the change ended as the step ends it, else it cannot be. */
    private static void endedAs(StoredRequest.Change c, String outcome, String what) {
        if (!outcome.equals(c.outcome())) {
            throw new PeeringStepFailed(PeeringStepFailed.STATE, "Cannot " + what + " the change " + c.id() + ": it was "
                    + c.outcome().toLowerCase() + ".");
        }
    }

    private static String flows(int count) {
        return count == 1 ? "1 flow" : count + " flows";
    }

    private static String summary(StoredRequest r) {
        List<String> parts = new java.util.ArrayList<>();
        r.changedRoutes(Changes.ADD).forEach(x -> parts.add("+ route " + x.label()));
        r.changedRules(Changes.ADD).forEach(x -> parts.add("+ rule " + x.label()));
        r.changedRoutes(Changes.REMOVE).forEach(x -> parts.add("- route " + x.label()));
        r.changedRules(Changes.REMOVE).forEach(x -> parts.add("- rule " + x.label()));
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** Ends the request in a terminal state, with its audit event and notifications, in one transaction. */
    private void end(StoredRequest r, PeeringState state, String action, String summary, Runnable notify) {
        transactions.run(() -> {
            changed(requests.moveTo(r, state, clock.instant()));
            news.record(PeeringNews.portal(r), r, action, summary);
            if (notify != null) {
                notify.run();
            }
            news.publish(new PeeringEnded(r.id(), state));
        });
    }

    private StoredRequest load(PeeringRequestId id) {
        return requests.find(id).orElseThrow(() -> new NotFound("Peering request", id));
    }

    private static void expect(StoredRequest r, Set<PeeringState> states, String what) {
        if (!states.contains(r.state())) {
            throw new PeeringStepFailed(PeeringStepFailed.STATE, "Cannot " + what + " the request " + r.id() + ": it is "
                    + r.state().name().toLowerCase().replace('_', ' ') + ".");
        }
    }

    static void changed(boolean updated) {
        if (!updated) {
            throw new Conflict("The peering request changed in the meantime; reload it and try again.");
        }
    }
}

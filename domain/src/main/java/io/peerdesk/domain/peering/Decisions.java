package io.peerdesk.domain.peering;

import io.peerdesk.domain.contract.ContractTerms;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.NotPermitted;
import io.peerdesk.domain.support.Role;

import java.time.Clock;
import java.util.List;

/**
 * The accepter's decisions: an approver approves or rejects a pending request; when a security
 * review is needed, a security reviewer decides after that. Each decision is taken once: the update
 * is conditional on the version the decider read, so of two concurrent decisions exactly one wins
 * and the other is a {@link Conflict}.
 */
final class Decisions {

    /** A rule wider than this many ports, or for all traffic, needs a security review. */
    static final int WIDE_RANGE = 100;
    private static final int MAX_REASON = 500;

    private final PeeringRepository requests;
    private final Contracts contracts;
    private final PeeringNews news;
    private final Clock clock;

    Decisions(PeeringRepository requests, Contracts contracts, PeeringNews news, Clock clock) {
        this.requests = requests;
        this.contracts = contracts;
        this.news = news;
        this.clock = clock;
    }

    /** The contract demands a review, or a rule opens all traffic or more than {@value #WIDE_RANGE} ports. */
    boolean needsSecurityReview(StoredRequest r) {
        return needsSecurityReview(r, r.rules());
    }

    private boolean needsSecurityReview(StoredRequest r, List<PlannedRule> rules) {
        ContractTerms terms = contracts.get(PeeringNews.portal(r), r.contract()).terms();
        return terms.securityReviewRequired() || rules.stream().anyMatch(rule -> "all".equals(rule.protocol())
                || (rule.fromPort() != null && rule.toPort() - rule.fromPort() + 1 > WIDE_RANGE));
    }

    void decide(Actor actor, StoredRequest r, Decision decision) {
        if (r.sideOf(actor.tenant()) != PeeringSide.ACCEPTER) {
            throw new NotPermitted("Only " + r.accepter().end().tenantName() + " decides on this request.");
        }
        String reason = reason(decision, r.requester().end().tenantName());
        PeeringDecision recorded = new PeeringDecision(decision.approved(), actor.name(), clock.instant(), reason);
        switch (r.state()) {
            case PENDING_APPROVAL -> approval(actor, r, recorded);
            case SECURITY_REVIEW -> review(actor, r, recorded);
            default -> throw alreadyDecided(r);
        }
    }

    /**
     * The other side's decision on the pending change {@code id}: an approver of the side that did
     * not propose it decides once; when the change needs a security review (as a request would: the
     * contract demands one, or an added rule is wide), a security reviewer of that side decides after
     * the approval. A change that is not the pending one is not found; a decided one is a
     * {@link Conflict}, and so is the loser of two concurrent decisions.
     */
    void decideChange(Actor actor, StoredRequest r, ChangeId id, Decision decision) {
        PeeringSide side = r.sideOf(actor.tenant());
        StoredRequest.Change change = r.change();
        if (change == null || !change.id().equals(id)) {
            throw new NotFound("Change", id);
        }
        String partner = r.party(change.side().other()).end().tenantName();
        if (side == change.side()) {
            throw new NotPermitted("Only " + partner + " decides on this change.");
        }
        if (change.decided()) {
            PeeringDecision last = change.review() != null ? change.review() : change.decision();
            throw new Conflict("This change was already " + (last.approved() ? "approved" : "rejected")
                    + " by " + last.decidedBy() + " at " + last.decidedAt() + ".");
        }
        if (r.pending() == null) {
            throw new Conflict("This change no longer awaits a decision: it " + (change.ended()
                    ? "was " + change.outcome().toLowerCase() : "is not pending") + ".");
        }
        String proposer = r.party(change.side()).end().tenantName();
        PeeringDecision d = new PeeringDecision(decision.approved(), actor.name(), clock.instant(), reason(decision, proposer));
        if (change.inReview()) {
            reviewChange(actor, r, change, d, partner);
        } else {
            approveChange(actor, r, change, d, partner);
        }
    }

    private void approveChange(Actor actor, StoredRequest r, StoredRequest.Change change, PeeringDecision d, String partner) {
        actor.require(Role.APPROVER);
        boolean review = d.approved() && needsSecurityReview(r, r.changedRules(Changes.ADD));
        PeeringSteps.changed(requests.recordChangeDecision(r, d, review, clock.instant()));
        String verdict = d.approved() ? "approved" : "rejected";
        news.record(actor, r, "peering.change-" + verdict, "change " + change.id() + " " + verdict + " by " + actor.name()
                + " of " + partner + because(d) + (review ? "; a security review follows" : ""));
        tellProposer(r, change, partner + " " + verdict + " your change of the peering " + PeeringNews.pair(r) + because(d)
                + (review ? "; its security review follows" : "") + ".");
        if (review) {
            news.to(r, change.side().other(), Role.SECURITY_REVIEWER, "The approved change of the peering "
                    + PeeringNews.pair(r) + " awaits your security review.");
        }
    }

    private void reviewChange(Actor actor, StoredRequest r, StoredRequest.Change change, PeeringDecision d, String partner) {
        actor.require(Role.SECURITY_REVIEWER);
        PeeringSteps.changed(requests.recordChangeReview(r, d, clock.instant()));
        String verdict = d.approved() ? "passed" : "failed";
        news.record(actor, r, "peering.change-review-" + verdict, "change " + change.id() + ": security review " + verdict
                + " (" + actor.name() + " of " + partner + ")" + because(d));
        tellProposer(r, change, "Your change of the peering " + PeeringNews.pair(r) + " " + verdict + " " + partner
                + "'s security review" + because(d) + ".");
    }

    private void tellProposer(StoredRequest r, StoredRequest.Change change, String message) {
        if (change.side() == PeeringSide.REQUESTER) {
            news.toRequester(r, message);
        } else {
            news.toAccepter(r, Role.APPROVER, message);
        }
    }

    private void approval(Actor actor, StoredRequest r, PeeringDecision d) {
        if (r.approval() != null) {
            throw alreadyDecided(r);
        }
        actor.require(Role.APPROVER);
        boolean review = d.approved() && needsSecurityReview(r);
        PeeringState next = !d.approved() ? PeeringState.PENDING_APPROVAL
                : review ? PeeringState.SECURITY_REVIEW : PeeringState.PROVISIONING;
        PeeringSteps.changed(requests.recordApproval(r, d, next, clock.instant()));
        String verdict = d.approved() ? "approved" : "rejected";
        news.record(actor, r, "peering." + verdict, verdict + " by " + actor.name() + " of "
                + r.accepter().end().tenantName() + because(d) + (review ? "; a security review follows" : ""));
        news.toRequester(r, r.accepter().end().tenantName() + " " + verdict + " your peering request "
                + PeeringNews.pair(r) + because(d) + ".");
        if (review) {
            news.toAccepter(r, Role.SECURITY_REVIEWER, "The approved peering request " + PeeringNews.pair(r)
                    + " awaits your security review.");
        }
    }

    private void review(Actor actor, StoredRequest r, PeeringDecision d) {
        if (r.review() != null) {
            throw alreadyDecided(r);
        }
        actor.require(Role.SECURITY_REVIEWER);
        PeeringState next = d.approved() ? PeeringState.PROVISIONING : PeeringState.SECURITY_REVIEW;
        PeeringSteps.changed(requests.recordReview(r, d, next, clock.instant()));
        String verdict = d.approved() ? "passed" : "failed";
        news.record(actor, r, "peering.review-" + verdict, "security review " + verdict + " ("
                + actor.name() + " of " + r.accepter().end().tenantName() + ")" + because(d));
        news.toRequester(r, "Your peering request " + PeeringNews.pair(r) + " " + verdict + " "
                + r.accepter().end().tenantName() + "'s security review" + because(d) + ".");
    }

    /** The decision's reason, required for a rejection: {@code reader} reads it. */
    private static String reason(Decision decision, String reader) {
        String reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().strip();
        if (!decision.approved() && reason == null) {
            throw new InvalidInput("reason", "Give a reason: " + reader + " reads it.");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidInput("reason", "At most " + MAX_REASON + " characters.");
        }
        return reason;
    }

    private static Conflict alreadyDecided(StoredRequest r) {
        PeeringDecision last = r.review() != null ? r.review() : r.approval();
        if (last == null) {
            return new Conflict("This request is " + r.state().name().toLowerCase().replace('_', ' ')
                    + ": there is nothing to decide.");
        }
        return new Conflict("This request was already " + (last.approved() ? "approved" : "rejected") + " by "
                + last.decidedBy() + " at " + last.decidedAt() + ".");
    }

    private static String because(PeeringDecision d) {
        return d.reason() == null ? "" : ": " + d.reason();
    }
}

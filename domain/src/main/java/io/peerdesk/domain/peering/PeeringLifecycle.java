package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.support.Actor;

import java.time.Instant;
import java.util.List;

/**
 * What the peering workflow asks of the domain, step by step. Each step is one transaction, is
 * idempotent (a retried job finds what is already done and does not do it twice), records the
 * state change and its audit event, and talks to the cloud only through the cloud port.
 * A step that cannot succeed for a reason a person must fix throws a {@link PeeringStepFailed}
 * (the process turns it into its failure path); a transient cloud error throws
 * {@link io.peerdesk.domain.cloud.CloudFailure} with {@code retryable() == true} and the job is retried.
 * A cloud out of reach ({@link CloudFailure#unavailable()}) is waited for:
 * the workflow records it with {@link #waitForCloud} and tries the step again when that says, for
 * as long as it lasts, without counting it as a failure of the step.
 *
 * <p>Decisions by people ({@link #decide}) are called by the workflow's task facade in the same
 * transaction that completes the user task, so a decision is recorded exactly once.
 *
 * <p>The workflow calls the other steps in the transaction of the engine job that runs them, so what a
 * step records commits together with the process's progress. A step that throws
 * {@link PeeringStepFailed} is contained by a savepoint: what it wrote is kept, unless it marked the
 * transaction rollback-only (Spring does when the exception leaves a {@code @Transactional} method
 * without {@code noRollbackFor}), then it is undone; either way the process takes its failure path.
 * Any other exception rolls the job back and the job is retried.
 */
public interface PeeringLifecycle {

    /** Re-validates the request against contract, inventory and cloud (at submit and again at approval time). */
    ValidationResult validate(PeeringRequestId id);

    /**
     * Creates the peering connection in the requester's account (pending-acceptance) unless it
     * already exists, records its id, and returns when it expires in the cloud (7 days).
     */
    Instant requestConnection(PeeringRequestId id);

    /** Whether the accepter's security review is needed (the contract demands it, or ports outside its baseline). */
    boolean needsSecurityReview(PeeringRequestId id);

    /** Records an approver's or security reviewer's decision; throws {@code Conflict} if already decided. */
    void decide(Actor actor, PeeringRequestId id, Decision decision);

    /** Notifies the accepter's approvers and Policy contacts that the deadline is near. */
    void remind(PeeringRequestId id);

    /** Rejected by the accepter: rejects the connection in the cloud; state REJECTED. */
    void reject(PeeringRequestId id);

    /** Cancelled by the requester while pending: deletes the connection in the cloud; state CANCELLED. */
    void cancel(PeeringRequestId id);

    /** Not decided before the cloud's expiry; state EXPIRED. */
    void expire(PeeringRequestId id);

    /**
     * Accepts the connection with the accepter's credentials, creates the requested routes on both
     * sides and authorizes the security-group rules; records each applied entry. Before changing
     * anything it compares the cloud with what is recorded and stops with a drift report on a difference.
     */
    void provision(PeeringRequestId id);

    /** Verifies every requested flow with reachability analysis; returns the failures (empty: all pass). */
    List<FlowCheck> verify(PeeringRequestId id);

    /** Removes whatever was applied (routes, rules, the connection) and ends the request FAILED with the reason. */
    void compensate(PeeringRequestId id, String reason);

    /** Verified: state ACTIVE; both parties are told. */
    void activate(PeeringRequestId id);

    /** Removes routes and rules on both sides and deletes the connection; state DELETED. */
    void tearDown(PeeringRequestId id);

    /**
     * Records the other side's decision on a proposed change of an active peering; throws
     * {@code Conflict} if already decided. Called like {@link #decide}: in the transaction that
     * completes the approval task.
     */
    void decideChange(Actor actor, PeeringRequestId id, ChangeId change, Decision decision);

    /**
     * Whether the approved change {@code change} awaits the approving side's security review (decided
     * and recorded with the approval, by the same rule as for a request).
     */
    boolean changeNeedsReview(PeeringRequestId id, ChangeId change);

    /**
     * Applies an approved change: adds and removes the changed routes and security-group rules on
     * both sides, recording each applied entry. Idempotent and drift-checked like {@link #provision};
     * fails the same way ({@link PeeringStepFailed} or a retryable cloud failure).
     */
    void applyChange(PeeringRequestId id, ChangeId change);

    /**
     * Applied and verified: the change becomes part of the peering's approved state; the peering is
     * ACTIVE again and both parties are told.
     */
    void completeChange(PeeringRequestId id, ChangeId change);

    /**
     * The change did not go through (rejected, not decided in time, failed to apply or to verify):
     * removes whatever of it was applied, so the peering is back to its approved state, ACTIVE,
     * and records why. Nothing applied (a rejected change) is fine: then it only records the end.
     */
    void revertChange(PeeringRequestId id, ChangeId change, String reason);

    /**
     * A step of the request could not reach the cloud: records the attempt (committed at once, the
     * step's own transaction is rolled back) and says when to try again: the pause doubles with every
     * attempt in a row, from {@code portal.peering.cloud-retry.first-delay} to its {@code max-delay}.
     */
    CloudWait waitForCloud(PeeringRequestId id, String step, CloudFailure failure);

    /** A step of the request got through: it no longer waits for the cloud. Runs in the caller's transaction. */
    void cloudAnswered(PeeringRequestId id);

    /** A person's decision on an approval or review task. */
    record Decision(boolean approved, String reason) {
    }

    /** The outcome of validation: empty {@code problems} means valid; each problem says what to change. */
    record ValidationResult(List<String> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** One requested flow's reachability outcome. */
    record FlowCheck(String flow, boolean reachable, List<String> explanationCodes) {
    }
}

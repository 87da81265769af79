package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.ChangeId;
import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.NotPermitted;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The peering processes as the web tier sees them: start them, cancel a pending request, the
 * inbox of open decisions, deciding, and a request's timeline. Every process of a request has the
 * request's id as its business key.
 */
@Service
public class PeeringWorkflow {

    /** The inbox's page size when none is asked for. */
    public static final int PAGE_SIZE = 50;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final Inbox inbox;
    private final Decisions decisions;
    private final Timelines timelines;
    private final RequestParties parties;
    private final PeeringWorkflowProperties properties;
    private final Clock clock;

    PeeringWorkflow(RuntimeService runtime, ManagementService management, Inbox inbox, Decisions decisions,
                    Timelines timelines, RequestParties parties, PeeringWorkflowProperties properties, Clock clock) {
        this.runtime = runtime;
        this.management = management;
        this.inbox = inbox;
        this.decisions = decisions;
        this.timelines = timelines;
        this.parties = parties;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts the process of a filed (and validated) request, in the caller's transaction. Its first
     * step, requesting the connection in the cloud, runs after the commit in the engine's job executor.
     */
    public void start(PeeringRequestId id, TenantId requester, TenantId accepter) {
        refuseRunning(PeeringRequestProcess.KEY, id, "This request's process has already started");
        runtime.startProcessInstanceByKey(PeeringRequestProcess.KEY, id.toString(), Map.of(
                PeeringRequestProcess.REQUESTER_TENANT, requester.toString(),
                PeeringRequestProcess.ACCEPTER_TENANT, accepter.toString()));
    }

    /**
     * The requester withdraws a request that awaits the accepter's decision (approval or security
     * review). Not found for other tenants; not permitted for the accepter; a conflict once decided.
     */
    public void cancel(Actor actor, PeeringRequestId id) {
        parties.processesSeenBy(actor, id);
        ProcessInstance request = runtime.createProcessInstanceQuery().processDefinitionKey(PeeringRequestProcess.KEY)
                .processInstanceBusinessKey(id.toString()).singleResult();
        if (request == null) {
            throw notPending();
        }
        if (!actor.tenant().toString().equals(runtime.getVariable(request.getId(), PeeringRequestProcess.REQUESTER_TENANT))) {
            throw new NotPermitted("only the requesting tenant can cancel its request");
        }
        actor.require(Role.REQUESTER);
        if (runtime.createEventSubscriptionQuery().processInstanceId(request.getId())
                .eventName(PeeringRequestProcess.MESSAGE_CANCEL_REQUEST).count() == 0) {
            throw notPending();
        }
        correlateCancel(request.getId());
    }

    private void correlateCancel(String processInstanceId) {
        try {
            runtime.createMessageCorrelation(PeeringRequestProcess.MESSAGE_CANCEL_REQUEST)
                    .processInstanceId(processInstanceId)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw notPending(); // decided or expired between the check and the correlation
        } catch (OptimisticLockingException e) {
            throw new Conflict("The request changed while it was being cancelled: reload it and try again");
        }
    }

    private static Conflict notPending() {
        return new Conflict("The request can be cancelled only while it awaits the partner's decision");
    }

    /** The first page of the actor's open tasks, the nearest deadline first. */
    public List<InboxTask> openTasks(Actor actor) {
        return openTasks(actor, 0, PAGE_SIZE);
    }

    /** A page of the actor's open tasks (of the actor's tenant and roles), the nearest deadline first. */
    public List<InboxTask> openTasks(Actor actor, int first, int max) {
        return inbox.page(actor, first, max);
    }

    public long countOpenTasks(Actor actor) {
        return inbox.count(actor);
    }

    /** The actor's open task on a request or on a change of its peering, for the request's page. */
    public Optional<InboxTask> openTask(Actor actor, PeeringRequestId id) {
        return inbox.taskOn(actor, id);
    }

    /**
     * Decides an open task in its own transaction: the domain records the decision and the task
     * completes with it, or neither happens. Not found unless the task is the actor's tenant's and
     * the actor has its role; a conflict if someone decided it meanwhile or its deadline passed.
     */
    public void decide(Actor actor, String taskId, Decision decision) {
        decisions.decide(actor, taskId, decision);
    }

    /** The request's processes, step by step; not found for anyone but the two parties. */
    public Timeline timeline(Actor actor, PeeringRequestId id) {
        return timelines.of(actor, id);
    }

    /**
     * Starts the approval of a change proposed on an active peering, in the caller's transaction;
     * the other side decides within {@code portal.peering.change-decision-within}. {@code change} is
     * the id the domain recorded for the proposal: {@code PeeringRequests.requestChange(...)
     * .pendingChange().id()} (also on {@code PeeringChangeRequested}); the change steps know no other.
     */
    public void startChange(PeeringRequestId id, ChangeId change, TenantId proposer, TenantId approver) {
        refuseRunning(PeeringChangeProcess.KEY, id, "A change of this peering is already under way");
        runtime.startProcessInstanceByKey(PeeringChangeProcess.KEY, id.toString(), Map.of(
                PeeringChangeProcess.CHANGE_ID, change.toString(),
                PeeringChangeProcess.PROPOSER_TENANT, proposer.toString(),
                PeeringChangeProcess.APPROVER_TENANT, approver.toString(),
                PeeringChangeProcess.CHANGE_DUE_AT,
                clock.instant().plus(properties.changeDecisionWithin()).truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    /** Starts removing an active peering from both sides, in the caller's transaction. */
    public void startTeardown(PeeringRequestId id, TenantId requester, TenantId accepter) {
        refuseRunning(PeeringTeardownProcess.KEY, id, "This peering is already being torn down");
        runtime.startProcessInstanceByKey(PeeringTeardownProcess.KEY, id.toString(), Map.of(
                PeeringTeardownProcess.REQUESTER_TENANT, requester.toString(),
                PeeringTeardownProcess.ACCEPTER_TENANT, accepter.toString()));
    }

    /**
     * A platform operator retries the request's steps that stopped after repeated failures (an
     * incident: a teardown, a compensation, or a rejection the cloud kept refusing). Returns how many.
     */
    public int retryFailedSteps(Actor operator, PeeringRequestId id) {
        operator.require(Role.PLATFORM_ADMIN);
        List<Job> failed = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(process -> management.createJobQuery().processInstanceId(process).noRetriesLeft().list().stream())
                .toList();
        failed.forEach(job -> management.setJobRetries(job.getId(), 3));
        return failed.size();
    }

    private void refuseRunning(String processKey, PeeringRequestId id, String message) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(id.toString()).count() > 0) {
            throw new Conflict(message);
        }
    }
}

package io.peerdesk.web.peering;

import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.peering.NewPeeringRequest;
import io.peerdesk.domain.peering.PeeringChange;
import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringRequest;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringSide;
import io.peerdesk.domain.peering.PeeringRequests;
import io.peerdesk.domain.peering.PeeringState;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.workflow.peering.InboxTask;
import io.peerdesk.workflow.peering.PeeringWorkflow;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * What pages and API ask of a peering, each as ONE transaction that changes the request and drives
 * its process together: a request is never stored without its process, a cancellation, teardown or
 * change never recorded without the workflow acting on it (nor the other way round).
 */
@Service
class PeeringCommands {

    private final PeeringRequests requests;
    private final PeeringWorkflow workflow;
    private final Contracts contracts;
    private final TransactionTemplate transaction;

    PeeringCommands(PeeringRequests requests, PeeringWorkflow workflow, Contracts contracts,
                    PlatformTransactionManager transactions) {
        this.requests = requests;
        this.workflow = workflow;
        this.contracts = contracts;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What {@link #submit} did: filed a new request, or found the one filed earlier with the same key. */
    record Submitted(PeeringRequest request, boolean created) {
    }

    /**
     * Files the request and starts its process. The same idempotency key from the same tenant answers
     * with the request filed first (and starts nothing). Throws {@code InvalidInput} with the problems.
     */
    Submitted submit(Actor actor, NewPeeringRequest draft, String idempotencyKey) {
        try {
            return transaction.execute(status -> submitAndStart(actor, draft, idempotencyKey));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException | TransactionException raced) {
            // the same key filed at the same moment by a concurrent submission, which won (PostgreSQL reports the
            // unique key, H2 the concurrent insert): answer with its request. Filing again here would file a
            // request without its process; any other failure is the caller's to see
            return requests.filedWith(actor, idempotencyKey).map(earlier -> new Submitted(earlier, false))
                    .orElseThrow(() -> raced);
        }
    }

    private Submitted submitAndStart(Actor actor, NewPeeringRequest draft, String idempotencyKey) {
        PeeringRequest request = requests.submit(actor, draft, idempotencyKey);
        if (request.state() != PeeringState.SUBMITTED) {
            return new Submitted(request, false); // filed earlier under this key; its process has moved on
        }
        try {
            workflow.start(request.id(), actor.tenant(), partnerOf(actor, request));
            return new Submitted(request, true);
        } catch (Conflict alreadyStarted) {
            return new Submitted(request, false); // filed earlier under this key and still at its first step
        }
    }

    /** The requester withdraws a request awaiting its decision: recorded, and the process told. */
    PeeringRequest cancel(Actor actor, PeeringRequestId id, String reason) {
        return transaction.execute(status -> {
            requests.requestCancel(actor, id, reason);
            workflow.cancel(actor, id);
            return requests.get(actor, id);
        });
    }

    /** Either party tears an active peering down: state TEARING_DOWN, and the teardown process started. */
    PeeringRequest tearDown(Actor actor, PeeringRequestId id, String reason) {
        return transaction.execute(status -> {
            PeeringRequest request = requests.requestTeardown(actor, id, reason);
            TenantId partner = partnerOf(actor, request);
            boolean requester = request.yourSide() == PeeringSide.REQUESTER;
            workflow.startTeardown(id, requester ? actor.tenant() : partner, requester ? partner : actor.tenant());
            return request;
        });
    }

    /** Either party proposes a change of an active peering: state CHANGING, and the other side's approval started. */
    PeeringRequest change(Actor actor, PeeringRequestId id, PeeringChange change) {
        return transaction.execute(status -> {
            PeeringRequest request = requests.requestChange(actor, id, change);
            workflow.startChange(id, request.pendingChange().id(), actor.tenant(), partnerOf(actor, request));
            return request;
        });
    }

    /**
     * Decides the actor's open task on the request (approval, security review or change approval).
     * Not found for a stranger; a conflict when no decision of the actor's awaits (someone decided it
     * meanwhile, or it is not the actor's to make).
     */
    PeeringRequest decide(Actor actor, PeeringRequestId id, Decision decision) {
        PeeringRequest request = requests.get(actor, id);
        InboxTask task = workflow.openTask(actor, id).orElseThrow(() -> new Conflict(yoursToOpen(actor, request)
                ? "The decision on this request opens in a moment (the portal is still setting it up): try again shortly."
                : "No decision of yours awaits on this request: it was already decided, or is not yours to decide."));
        workflow.decide(actor, task.taskId(), decision);
        return requests.get(actor, request.id());
    }

    /** Whether the request waits for a decision the actor may take (its task may not be open yet). */
    private static boolean yoursToOpen(Actor actor, PeeringRequest request) {
        if (!request.waitingOnYou()) {
            return false;
        }
        return request.state() == PeeringState.SECURITY_REVIEW || (request.pendingChange() != null
                && request.pendingChange().decision() != null) ? actor.has(Role.SECURITY_REVIEWER) : actor.has(Role.APPROVER);
    }

    private TenantId partnerOf(Actor actor, PeeringRequest request) {
        return contracts.get(actor, request.contract()).counterpart(actor.tenant()).id();
    }
}

package io.peerdesk.web.peering;

import io.peerdesk.domain.peering.PeeringEnd;
import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringRequest;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringRequests;
import io.peerdesk.domain.peering.PeeringSide;
import io.peerdesk.domain.peering.PendingChange;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.Role;
import io.peerdesk.web.support.Toasts;
import io.peerdesk.workflow.peering.InboxTask;
import io.peerdesk.workflow.peering.PeeringWorkflow;
import io.peerdesk.workflow.peering.TaskKind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;

/**
 * The approval inbox: the open decisions for the member's roles in the member's tenant, the nearest
 * deadline first, each decided in place. A decision someone else made meanwhile is reported on the
 * row, never made twice.
 */
@Controller
@RequestMapping("/inbox")
class InboxPage {

    private final PeeringWorkflow workflow;
    private final PeeringRequests requests;
    private final PeeringCommands commands;
    private final TimeLeft timeLeft;

    InboxPage(PeeringWorkflow workflow, PeeringRequests requests, PeeringCommands commands, TimeLeft timeLeft) {
        this.workflow = workflow;
        this.requests = requests;
        this.commands = commands;
        this.timeLeft = timeLeft;
    }

    /** A row: the task, the request it is about, how long is left, and (after a decision) the outcome. */
    record Row(InboxTask task, PeeringRequest request, String timeLeft, String outcome, boolean failed) {

        /** The change of an active peering the task decides, or null when it decides a request. */
        public PendingChange change() {
            return request.pendingChange();
        }

        /** The side that asks: the requester for a request, the proposing side for a change. */
        public PeeringEnd asking() {
            PendingChange change = change();
            return change == null || change.proposedBy() == PeeringSide.REQUESTER ? request.requester() : request.accepter();
        }

        /** Who of that side asked. */
        public String askedBy() {
            PendingChange change = change();
            return change == null ? request.createdBy() : change.requestedBy();
        }
    }

    @GetMapping
    String inbox(Actor actor, @RequestParam(required = false) String kind, Model model, HttpServletRequest request) {
        actor.require(Role.APPROVER, Role.SECURITY_REVIEWER);
        TaskKind filter = Arrays.stream(TaskKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        model.addAttribute("rows", workflow.openTasks(actor).stream()
                .filter(task -> filter == null || task.kind() == filter)
                .map(task -> new Row(task, requests.get(actor, task.requestId()), timeLeft.of(task.dueAt()), null, false))
                .toList());
        model.addAttribute("kinds", TaskKind.values());
        model.addAttribute("kind", filter);
        return Toasts.isHtmx(request) ? "peering/inbox :: rows" : "peering/inbox";
    }

    /** Decides in place: answers with the row as it now stands (the outcome, or why nothing was decided). */
    @PostMapping
    String decide(Actor actor, @RequestParam String request, @RequestParam String decision,
                  @RequestParam(required = false) String reason, Model model) {
        actor.require(Role.APPROVER, Role.SECURITY_REVIEWER);
        PeeringRequestId id = PeeringRequestId.parse(request);
        PeeringRequest current = requests.get(actor, id);
        boolean approve = "approve".equals(decision);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Row row;
        if (!approve && why == null) {
            InboxTask task = workflow.openTask(actor, id).orElse(null);
            row = new Row(task, current, task == null ? null : timeLeft.of(task.dueAt()),
                    "Give a reason to reject: the other side reads it.", true);
        } else {
            try {
                PeeringRequest decided = commands.decide(actor, id, new Decision(approve, why));
                row = new Row(null, decided, null, (approve ? "Approved" : "Rejected") + " by you.", false);
            } catch (Conflict | InvalidInput refused) {
                row = new Row(null, current, null, refused instanceof InvalidInput invalid
                        ? String.join(" ", invalid.fieldErrors().values()) : refused.getMessage(), true);
            }
        }
        model.addAttribute("row", row);
        return "peering/inbox :: row";
    }
}

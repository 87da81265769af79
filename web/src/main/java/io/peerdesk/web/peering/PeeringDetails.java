package io.peerdesk.web.peering;

import io.peerdesk.domain.peering.PeeringRequest;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringRequests;
import io.peerdesk.domain.peering.PeeringSide;
import io.peerdesk.domain.peering.PeeringState;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import io.peerdesk.workflow.peering.InboxTask;
import io.peerdesk.workflow.peering.PeeringWorkflow;
import io.peerdesk.workflow.peering.Timeline;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request's page: the request as the viewer's side sees it, its process, its events and the actions allowed. */
@Component
class PeeringDetails {

    private final PeeringRequests requests;
    private final PeeringWorkflow workflow;
    private final TimeLeft timeLeft;

    PeeringDetails(PeeringRequests requests, PeeringWorkflow workflow, TimeLeft timeLeft) {
        this.requests = requests;
        this.workflow = workflow;
        this.timeLeft = timeLeft;
    }

    /** What the viewer may do now; the services refuse anything else whatever the page offered. */
    record Actions(boolean cancel, boolean tearDown, boolean change, InboxTask decide) {
    }

    String show(Actor actor, PeeringRequestId id, Model model, Map<String, String> errors) {
        PeeringRequest request = requests.get(actor, id);
        Optional<InboxTask> task = workflow.openTask(actor, id);
        model.addAttribute("r", request);
        model.addAttribute("timeline", timeline(actor, id));
        model.addAttribute("events", requests.timeline(actor, id));
        Actions actions = actions(actor, request, task.orElse(null));
        model.addAttribute("actions", actions);
        model.addAttribute("targets", requests.targets(actor, id));
        model.addAttribute("deadline", task.map(t -> timeLeft.of(t.dueAt())).orElse(null));
        model.addAttribute("task", task.orElse(null));
        model.addAttribute("errors", errors);
        return "peering/detail";
    }

    private Timeline timeline(Actor actor, PeeringRequestId id) {
        try {
            return workflow.timeline(actor, id);
        } catch (NotFound noProcess) {
            return new Timeline(List.of());
        }
    }

    static Actions actions(Actor actor, PeeringRequest r, InboxTask task) {
        boolean pending = (r.state() == PeeringState.SUBMITTED || r.state() == PeeringState.PENDING_APPROVAL
                || r.state() == PeeringState.SECURITY_REVIEW) && r.approval() == null;
        boolean active = r.state() == PeeringState.ACTIVE;
        boolean networker = actor.has(Role.REQUESTER) || actor.has(Role.NETWORK_ADMIN);
        return new Actions(pending && r.yourSide() == PeeringSide.REQUESTER && actor.has(Role.REQUESTER),
                active && networker, active && networker, task);
    }
}

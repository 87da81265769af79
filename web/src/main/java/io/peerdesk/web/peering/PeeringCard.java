package io.peerdesk.web.peering;

import io.peerdesk.domain.peering.PeeringFilter;
import io.peerdesk.domain.peering.PeeringRequests;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.web.home.DashboardCard;
import io.peerdesk.workflow.peering.PeeringWorkflow;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/** The dashboard's peering card: decisions waiting for this person, and the tenant's peerings waiting for its move. */
@Component
class PeeringCard implements DashboardCard {

    private final PeeringRequests requests;
    private final PeeringWorkflow workflow;

    PeeringCard(PeeringRequests requests, PeeringWorkflow workflow) {
        this.requests = requests;
        this.workflow = workflow;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Card> cardFor(Actor actor) {
        boolean decides = actor.has(Role.APPROVER) || actor.has(Role.SECURITY_REVIEWER);
        if (!decides && !actor.has(Role.REQUESTER) && !actor.has(Role.NETWORK_ADMIN)) {
            return Optional.empty();
        }
        long tasks = decides ? workflow.countOpenTasks(actor) : 0;
        int waiting = requests.list(actor, new PeeringFilter(null, null, true, true)).size();
        int open = requests.list(actor, new PeeringFilter(null, null, true, false)).size();
        return Optional.of(new Card("peering/cards", "peering-card",
                Map.of("tasks", tasks, "decides", decides, "waiting", waiting, "open", open)));
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.NotFound;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who may see a request's processes: the two tenants of the peering, named by the tenant variables of
 * any of its processes (the request's history is removed after its time to live; a change's or the
 * teardown's may still be there). Anyone else finds nothing.
 */
@Component
class RequestParties {

    private static final String[] PARTY_VARIABLES = {
            PeeringRequestProcess.REQUESTER_TENANT, PeeringRequestProcess.ACCEPTER_TENANT,
            PeeringChangeProcess.PROPOSER_TENANT, PeeringChangeProcess.APPROVER_TENANT};

    private final HistoryService history;

    RequestParties(HistoryService history) {
        this.history = history;
    }

    /** The processes of the request, oldest first, if the actor's tenant is one of its parties; not found otherwise. */
    List<HistoricProcessInstance> processesSeenBy(Actor actor, PeeringRequestId id) {
        List<HistoricProcessInstance> processes = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(id.toString()).orderByProcessInstanceStartTime().asc().list();
        if (processes.isEmpty() || !isParty(actor, processes)) {
            throw new NotFound("Peering request", id);
        }
        return processes;
    }

    private boolean isParty(Actor actor, List<HistoricProcessInstance> processes) {
        return history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processes.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .variableNameIn(PARTY_VARIABLES)
                .list().stream()
                .map(HistoricVariableInstance::getValue)
                .anyMatch(actor.tenant().toString()::equals);
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.TenantId;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.stream.Collectors;

/** The two tenants of a request, from its process's variables: only they may see its process. */
@Component
class RequestParties {

    private final HistoryService history;

    RequestParties(HistoryService history) {
        this.history = history;
    }

    /** The request's process as the actor may see it; not found for anyone else. */
    Parties of(Actor actor, PeeringRequestId id) {
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(PeeringRequestProcess.KEY)
                .processInstanceBusinessKey(id.toString())
                .singleResult();
        if (process == null) {
            throw new NotFound("Peering request", id);
        }
        Map<String, Object> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(process.getId())
                .variableNameIn(PeeringRequestProcess.REQUESTER_TENANT, PeeringRequestProcess.ACCEPTER_TENANT)
                .list().stream()
                .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
        Parties parties = new Parties(process.getId(),
                TenantId.of((String) variables.get(PeeringRequestProcess.REQUESTER_TENANT)),
                TenantId.of((String) variables.get(PeeringRequestProcess.ACCEPTER_TENANT)));
        if (!parties.includes(actor.tenant())) {
            throw new NotFound("Peering request", id);
        }
        return parties;
    }

    record Parties(String processInstanceId, TenantId requester, TenantId accepter) {

        boolean includes(TenantId tenant) {
            return requester.equals(tenant) || accepter.equals(tenant);
        }
    }
}

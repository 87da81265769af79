package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.FAILURE_REASON;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/** Task_Compensate: removes what was applied and ends the request FAILED with the message of the error that led here. */
@Component("compensatePeering")
class CompensatePeering implements JavaDelegate {

    private final PeeringLifecycle lifecycle;

    CompensatePeering(PeeringLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.compensate(requestId(execution), (String) execution.getVariable(FAILURE_REASON));
    }
}

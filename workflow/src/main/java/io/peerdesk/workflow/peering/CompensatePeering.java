package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.FAILURE_REASON;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/**
 * Task_Compensate: removes what was applied and ends the request FAILED with the message of the error
 * that led here. It waits for a cloud out of reach like every step (see {@link Steps}).
 */
@Component("compensatePeering")
class CompensatePeering implements JavaDelegate {

    private final PeeringLifecycle lifecycle;
    private final Steps steps;

    CompensatePeering(PeeringLifecycle lifecycle, Steps steps) {
        this.lifecycle = lifecycle;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.run(execution, () -> lifecycle.compensate(requestId(execution), (String) execution.getVariable(FAILURE_REASON)));
    }
}

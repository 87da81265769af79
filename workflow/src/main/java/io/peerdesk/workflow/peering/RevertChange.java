package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringChangeProcess.REASON;
import static io.peerdesk.workflow.peering.PeeringChangeProcess.changeId;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/**
 * Task_RejectChange, Task_ExpireChange and Task_RevertChange: the change did not go through; each
 * task passes its reason as the input parameter {@code reason}.
 */
@Component("revertChange")
class RevertChange implements JavaDelegate {

    private final PeeringLifecycle lifecycle;
    private final Steps steps;

    RevertChange(PeeringLifecycle lifecycle, Steps steps) {
        this.lifecycle = lifecycle;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.run(execution, () -> lifecycle.revertChange(requestId(execution), changeId(execution), (String) execution.getVariableLocal(REASON)));
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringChangeProcess.changeId;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/** Task_CompleteChange: applied and verified, the change becomes part of the approved peering. */
@Component("completeChange")
class CompleteChange implements JavaDelegate {

    private final PeeringLifecycle lifecycle;

    CompleteChange(PeeringLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.completeChange(requestId(execution), changeId(execution));
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/** Task_Activate: provisioned and verified. */
@Component("activatePeering")
class ActivatePeering implements JavaDelegate {

    private final PeeringLifecycle lifecycle;

    ActivatePeering(PeeringLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.activate(requestId(execution));
    }
}

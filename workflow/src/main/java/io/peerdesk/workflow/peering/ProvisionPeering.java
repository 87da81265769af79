package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import io.peerdesk.domain.peering.PeeringRequestId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.PROVISIONING_FAILED;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/** Task_Provision: retried while the cloud fails transiently; a lasting failure goes to Task_Compensate. */
@Component("provisionPeering")
class ProvisionPeering implements JavaDelegate {

    private final PeeringLifecycle lifecycle;
    private final Steps steps;

    ProvisionPeering(PeeringLifecycle lifecycle, Steps steps) {
        this.lifecycle = lifecycle;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PeeringRequestId id = requestId(execution);
        steps.run(execution, PROVISIONING_FAILED, () -> lifecycle.provision(id));
    }
}

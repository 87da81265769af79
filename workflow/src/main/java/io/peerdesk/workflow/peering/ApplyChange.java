package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.ChangeId;
import io.peerdesk.domain.peering.PeeringLifecycle;
import io.peerdesk.domain.peering.PeeringRequestId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringChangeProcess.CHANGE_FAILED;
import static io.peerdesk.workflow.peering.PeeringChangeProcess.changeId;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/** Task_ApplyChange: retried while the cloud fails transiently; a lasting failure goes to Task_RevertChange. */
@Component("applyChange")
class ApplyChange implements JavaDelegate {

    private final PeeringLifecycle lifecycle;
    private final Steps steps;

    ApplyChange(PeeringLifecycle lifecycle, Steps steps) {
        this.lifecycle = lifecycle;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PeeringRequestId id = requestId(execution);
        ChangeId change = changeId(execution);
        steps.run(execution, CHANGE_FAILED, () -> lifecycle.applyChange(id, change));
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/** Task_Reject: an approver or the security reviewer said no. */
@Component("rejectRequest")
class RejectRequest implements JavaDelegate {

    private final PeeringLifecycle lifecycle;
    private final Steps steps;

    RejectRequest(PeeringLifecycle lifecycle, Steps steps) {
        this.lifecycle = lifecycle;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.run(execution, () -> lifecycle.reject(requestId(execution)));
    }
}

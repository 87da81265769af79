package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import io.peerdesk.domain.peering.PeeringLifecycle.ValidationResult;
import io.peerdesk.domain.peering.PeeringRequestId;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.NO_LONGER_VALID;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/**
 * Task_Revalidate: what was valid when filed may not be any more when approved (the contract
 * expired, a CIDR was added). Then the request fails with the problems as its reason: nothing is
 * applied, the pending connection is removed by the compensation.
 */
@Component("revalidateRequest")
class RevalidateRequest implements JavaDelegate {

    private final PeeringLifecycle lifecycle;
    private final Steps steps;

    RevalidateRequest(PeeringLifecycle lifecycle, Steps steps) {
        this.lifecycle = lifecycle;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PeeringRequestId id = requestId(execution);
        ValidationResult result = steps.call(execution, NO_LONGER_VALID, () -> lifecycle.validate(id));
        if (!result.valid()) {
            throw new BpmnError(NO_LONGER_VALID, "No longer valid when approved: " + String.join("; ", result.problems()));
        }
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import io.peerdesk.domain.peering.PeeringLifecycle.FlowCheck;
import io.peerdesk.domain.peering.PeeringRequestId;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.VERIFICATION_FAILED;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/** Task_Verify and Task_VerifyChange: an unreachable flow fails the step with the analysis's explanation codes. */
@Component("verifyPeering")
class VerifyPeering implements JavaDelegate {

    private final PeeringLifecycle lifecycle;
    private final Steps steps;

    VerifyPeering(PeeringLifecycle lifecycle, Steps steps) {
        this.lifecycle = lifecycle;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PeeringRequestId id = requestId(execution);
        List<FlowCheck> failures = steps.call(execution, VERIFICATION_FAILED, () -> lifecycle.verify(id)).stream()
                .filter(check -> !check.reachable())
                .toList();
        if (!failures.isEmpty()) {
            throw new BpmnError(VERIFICATION_FAILED, "Not reachable: " + failures.stream()
                    .map(check -> check.flow() + " (" + String.join(", ", check.explanationCodes()) + ")")
                    .collect(Collectors.joining("; ")));
        }
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.SECURITY_REVIEW_NEEDED;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/** Task_CheckSecurityReview: sets the variable Gateway_SecurityReviewNeeded routes on. */
@Component("checkSecurityReview")
class CheckSecurityReview implements JavaDelegate {

    private final PeeringLifecycle lifecycle;

    CheckSecurityReview(PeeringLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(SECURITY_REVIEW_NEEDED, lifecycle.needsSecurityReview(requestId(execution)));
    }
}

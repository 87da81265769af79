package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringChangeProcess.CHANGE_REVIEW_NEEDED;
import static io.peerdesk.workflow.peering.PeeringChangeProcess.changeId;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/** Task_CheckChangeReview: sets the variable Gateway_ChangeReviewNeeded routes on. */
@Component("checkChangeReview")
class CheckChangeReview implements JavaDelegate {

    private final PeeringLifecycle lifecycle;

    CheckChangeReview(PeeringLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CHANGE_REVIEW_NEEDED, lifecycle.changeNeedsReview(requestId(execution), changeId(execution)));
    }
}

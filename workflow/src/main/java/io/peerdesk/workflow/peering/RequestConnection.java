package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import io.peerdesk.domain.peering.PeeringRequestId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.*;

/** Task_RequestConnection: the pending connection's expiry becomes the deadline of the decisions and sets the reminder. */
@Component("requestConnection")
class RequestConnection implements JavaDelegate {

    private final PeeringLifecycle lifecycle;
    private final Steps steps;
    private final PeeringWorkflowProperties properties;

    RequestConnection(PeeringLifecycle lifecycle, Steps steps, PeeringWorkflowProperties properties) {
        this.lifecycle = lifecycle;
        this.steps = steps;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PeeringRequestId id = requestId(execution);
        Instant expiresAt = steps.call(execution, REQUEST_FAILED, () -> lifecycle.requestConnection(id))
                .truncatedTo(ChronoUnit.SECONDS);
        execution.setVariable(CONNECTION_EXPIRES_AT, expiresAt.toString());
        execution.setVariable(REMINDER_AT, expiresAt.minus(properties.reminderBefore()).toString());
    }
}

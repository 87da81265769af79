package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/** Task_SendReminder: the deadline is near; the approval task stays open. */
@Component("sendReminder")
class SendReminder implements JavaDelegate {

    private final PeeringLifecycle lifecycle;

    SendReminder(PeeringLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.remind(requestId(execution));
    }
}

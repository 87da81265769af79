package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/** Task_Expire: the connection expired in the cloud before anyone decided. */
@Component("expireRequest")
class ExpireRequest implements JavaDelegate {

    private final PeeringLifecycle lifecycle;

    ExpireRequest(PeeringLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.expire(requestId(execution));
    }
}

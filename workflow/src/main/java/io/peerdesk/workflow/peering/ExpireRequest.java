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
    private final Steps steps;

    ExpireRequest(PeeringLifecycle lifecycle, Steps steps) {
        this.lifecycle = lifecycle;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.run(execution, () -> lifecycle.expire(requestId(execution)));
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/**
 * Task_TearDown. A cloud out of reach is waited for (see {@link Steps}); any other failure is retried
 * on the activity's cycle; once the retries are used up the job
 * waits as an incident until an operator retries it ({@link PeeringWorkflow#retryFailedSteps}):
 * there is no failure path, a half-removed peering must still be removed.
 */
@Component("tearDownPeering")
class TearDownPeering implements JavaDelegate {

    private final PeeringLifecycle lifecycle;
    private final Steps steps;

    TearDownPeering(PeeringLifecycle lifecycle, Steps steps) {
        this.lifecycle = lifecycle;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.run(execution, () -> lifecycle.tearDown(requestId(execution)));
    }
}

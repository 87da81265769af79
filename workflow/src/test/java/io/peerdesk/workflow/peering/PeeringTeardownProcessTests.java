package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.NotPermitted;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.peerdesk.workflow.peering.PeeringTeardownProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** peering-teardown: removed, or retried until an operator steps in. */
class PeeringTeardownProcessTests extends ProcessTest {

    private final PeeringRequestId peering = newId();

    @Test
    void teardownDeletesThePeering() {
        workflow.startTeardown(peering, requester, accepter);
        ProcessInstance process = process(KEY, peering);

        runJob(process, TASK_TEAR_DOWN);

        assertThat(process).isEnded().hasPassedInOrder(TASK_TEAR_DOWN, END_DELETED);
        verify(lifecycle).tearDown(peering);
    }

    @Test
    void teardownTheCloudKeepsRefusingWaitsForAnOperatorToRetry() {
        doThrow(new IllegalStateException("cloud endpoint unreachable")).when(lifecycle).tearDown(peering);
        workflow.startTeardown(peering, requester, accepter);
        ProcessInstance process = process(KEY, peering);
        for (int attempt = 1; attempt <= 5; attempt++) {
            failJob(process, TASK_TEAR_DOWN);
        }
        assertThat(job(process, TASK_TEAR_DOWN).getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(process.getId()).count()).isOne();

        Actor operator = actor(new TenantId(UUID.randomUUID()), "operator", Role.PLATFORM_ADMIN);
        assertThatThrownBy(() -> workflow.retryFailedSteps(arthur, peering)).isInstanceOf(NotPermitted.class);
        doNothing().when(lifecycle).tearDown(peering);
        assertThat(workflow.retryFailedSteps(operator, peering)).isOne();
        runJob(process, TASK_TEAR_DOWN);

        assertThat(process).isEnded().hasPassed(END_DELETED);
        verify(lifecycle, times(6)).tearDown(peering);
    }
}

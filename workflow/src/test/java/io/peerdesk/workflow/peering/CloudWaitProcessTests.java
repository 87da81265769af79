package io.peerdesk.workflow.peering;

import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.peering.CloudWait;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringStepFailed;
import io.peerdesk.workflow.peering.Timeline.Step;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A step that cannot reach the cloud waits for it, for as long as it takes: the job is due again when
 * the domain's wait says, keeps its retries for real failures, raises no incident and takes no failure
 * path; once the cloud answers the process goes on.
 */
class CloudWaitProcessTests extends ProcessTest {

    static final CloudFailure DOWN = CloudFailure.unavailable(CloudFailure.UNREACHABLE,
            "The cloud endpoint http://127.0.0.1:1 is unreachable (connection refused).");

    final Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final List<CloudWait> waits = new ArrayList<>();

    @Test
    void provisioningWaitsForTheCloudForAsLongAsItTakesWithoutSpendingItsRetries() {
        PeeringRequestId id = newId();
        doThrow(DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN).doNothing().when(lifecycle).provision(id);
        ProcessInstance process = approvedRecordingWaits(id);

        for (int attempt = 1; attempt <= 7; attempt++) {
            failJob(process, TASK_PROVISION);
            Job waiting = job(process, TASK_PROVISION);
            assertThat(waiting.getRetries()).as("retries after attempt " + attempt).isEqualTo(5);
            assertThat(waiting.getDuedate().toInstant()).isEqualTo(waits.get(attempt - 1).nextAttemptAt());
            assertThat(waiting.getExceptionMessage()).startsWith("Waiting for the cloud since ")
                    .contains("(" + attempt + (attempt == 1 ? " attempt;" : " attempts;"))
                    .endsWith("): " + DOWN.getMessage());
        }
        assertThat(runtime.createIncidentQuery().processInstanceId(process.getId()).count()).isZero();
        runJob(process, TASK_PROVISION);

        assertThat(process).isEnded().hasPassed(END_ACTIVE).hasNotPassed(TASK_COMPENSATE);
        verify(lifecycle, times(8)).provision(id);
        verify(lifecycle, never()).compensate(any(), any());
        verify(lifecycle, atLeastOnce()).cloudAnswered(id);
    }

    @Test
    void aFailureAfterTheCloudCameBackStillHasTheStepsFullRetries() {
        PeeringRequestId id = newId();
        doThrow(DOWN, DOWN, new IllegalStateException("unexpected answer")).doNothing().when(lifecycle).provision(id);
        ProcessInstance process = approvedRecordingWaits(id);

        failJob(process, TASK_PROVISION);
        failJob(process, TASK_PROVISION);
        failJob(process, TASK_PROVISION);

        Job retrying = job(process, TASK_PROVISION);
        assertThat(retrying.getRetries()).isEqualTo(4);
        assertThat(retrying.getExceptionMessage()).isEqualTo("unexpected answer");
        assertThat(workflow.timeline(alice, id).current()).singleElement().extracting(Step::note).asString()
                .isEqualTo("Failed, retrying (4 attempts left): unexpected answer");
    }

    @Test
    void compensationWaitsForTheCloudInsteadOfStoppingAsAnIncident() {
        PeeringRequestId id = newId();
        doThrow(new PeeringStepFailed("The accepter's route table rtb-1 is full")).when(lifecycle).provision(id);
        doThrow(DOWN, DOWN, DOWN, DOWN, DOWN, DOWN).doNothing().when(lifecycle).compensate(eq(id), any());
        ProcessInstance process = approvedRecordingWaits(id);
        runJob(process, TASK_PROVISION);

        for (int attempt = 1; attempt <= 6; attempt++) {
            failJob(process, TASK_COMPENSATE);
        }
        assertThat(job(process, TASK_COMPENSATE).getRetries()).isEqualTo(5);
        assertThat(runtime.createIncidentQuery().processInstanceId(process.getId()).count()).isZero();
        runJob(process, TASK_COMPENSATE);

        assertThat(process).isEnded().hasPassed(END_FAILED);
        verify(lifecycle, times(7)).compensate(id, "The accepter's route table rtb-1 is full");
    }

    @Test
    void theTimelineSaysTheStepWaitsForTheCloudSinceWhenAndWhy() {
        PeeringRequestId id = newId();
        doThrow(DOWN).when(lifecycle).provision(id);
        ProcessInstance process = approvedRecordingWaits(id);

        failJob(process, TASK_PROVISION);

        Step step = workflow.timeline(alice, id).current().get(0);
        assertThat(step.waitingForCloud()).isTrue();
        assertThat(step.name()).isEqualTo("Provision the peering");
        assertThat(step.note()).isEqualTo("Waiting for the cloud since " + utc(since) + " (1 attempt; next at "
                + utc(waits.get(0).nextAttemptAt()) + "): " + DOWN.getMessage());
    }

    private ProcessInstance approvedRecordingWaits(PeeringRequestId id) {
        when(lifecycle.waitForCloud(eq(id), any(), any())).thenAnswer(call -> {
            CloudWait wait = new CloudWait(call.getArgument(1), since, waits.size() + 1,
                    call.<CloudFailure>getArgument(2).getMessage(), since.plus(10L << waits.size(), ChronoUnit.SECONDS));
            waits.add(wait);
            return wait;
        });
        return approved(id);
    }

    private static String utc(Instant instant) {
        return instant.toString().replace("T", " ").replace("Z", " UTC");
    }
}

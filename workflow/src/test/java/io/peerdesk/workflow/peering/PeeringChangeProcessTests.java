package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.ChangeId;
import io.peerdesk.domain.peering.PeeringLifecycle.FlowCheck;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringStepFailed;
import io.peerdesk.domain.support.Conflict;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.peerdesk.workflow.peering.PeeringChangeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Every path of peering-change: the other side approves, rejects or lets it lapse; applying fails or verifies. */
class PeeringChangeProcessTests extends ProcessTest {

    private final PeeringRequestId peering = newId();
    private final ChangeId change = new ChangeId(UUID.randomUUID());

    @Test
    void approvedChangeIsAppliedVerifiedAndCompleted() {
        ProcessInstance process = propose();
        assertThat(workflow.openTasks(arthur)).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(TaskKind.CHANGE_APPROVAL);
            assertThat(row.requestId()).isEqualTo(peering);
        });
        assertThat(workflow.openTasks(actor(requester, "george", io.peerdesk.domain.support.Role.APPROVER))).isEmpty();

        decide(arthur, process, TASK_APPROVE_CHANGE, true);
        runJob(process, TASK_APPLY_CHANGE);
        runJob(process, TASK_VERIFY_CHANGE);

        assertThat(process).isEnded().hasPassedInOrder(TASK_APPROVE_CHANGE, TASK_APPLY_CHANGE, TASK_VERIFY_CHANGE,
                END_CHANGE_APPLIED);
        verify(lifecycle).decideChange(eq(arthur), eq(peering), eq(change), any());
        verify(lifecycle).applyChange(peering, change);
        verify(lifecycle).verify(peering);
        verify(lifecycle).completeChange(peering, change);
        verify(lifecycle, never()).decide(any(), any(), any());
    }

    @Test
    void changeNeedingASecurityReviewIsAppliedOnceTheReviewersPassIt() {
        when(lifecycle.changeNeedsReview(peering, change)).thenReturn(true);
        ProcessInstance process = propose();

        decide(arthur, process, TASK_APPROVE_CHANGE, true);
        assertThat(workflow.openTasks(arthur)).as("the approver is done").isEmpty();
        assertThat(workflow.openTasks(asha)).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(TaskKind.CHANGE_REVIEW);
            assertThat(row.requestId()).isEqualTo(peering);
        });
        assertThat(process).isWaitingAt(TASK_REVIEW_CHANGE);
        verify(lifecycle, never()).applyChange(any(), any());

        decide(asha, process, TASK_REVIEW_CHANGE, true);
        runJob(process, TASK_APPLY_CHANGE);
        runJob(process, TASK_VERIFY_CHANGE);

        assertThat(process).isEnded().hasPassedInOrder(TASK_APPROVE_CHANGE, TASK_REVIEW_CHANGE, TASK_APPLY_CHANGE,
                TASK_VERIFY_CHANGE, END_CHANGE_APPLIED);
        verify(lifecycle).decideChange(eq(asha), eq(peering), eq(change), any());
        verify(lifecycle).completeChange(peering, change);
    }

    @Test
    void changeFailingItsSecurityReviewIsDiscarded() {
        when(lifecycle.changeNeedsReview(peering, change)).thenReturn(true);
        ProcessInstance process = propose();

        decide(arthur, process, TASK_APPROVE_CHANGE, true);
        decide(asha, process, TASK_REVIEW_CHANGE, false);
        runJob(process, TASK_REJECT_CHANGE);

        assertThat(process).isEnded().hasPassed(END_CHANGE_REJECTED).hasNotPassed(TASK_APPLY_CHANGE);
        verify(lifecycle).revertChange(peering, change, "Rejected by the partner");
    }

    @Test
    void changeNotReviewedByTheDeadlineLapses() {
        when(lifecycle.changeNeedsReview(peering, change)).thenReturn(true);
        clock.set(Instant.parse("2026-12-01T08:00:00Z"));
        ProcessInstance process = propose();
        decide(arthur, process, TASK_APPROVE_CHANGE, true);
        Instant due = Instant.parse("2026-12-08T08:00:00Z");
        assertThat(task(process, TASK_REVIEW_CHANGE).getDueDate().toInstant()).isEqualTo(due);

        engineTime(due.plus(Duration.ofMinutes(1)));
        runJob(process, TIMER_CHANGE_REVIEW_EXPIRED);
        runJob(process, TASK_EXPIRE_CHANGE);

        assertThat(process).isEnded().hasPassed(END_CHANGE_EXPIRED).hasNotPassed(TASK_APPLY_CHANGE);
        verify(lifecycle).revertChange(peering, change, "Not decided before the deadline");
    }

    @Test
    void rejectedChangeIsDiscarded() {
        ProcessInstance process = propose();

        decide(arthur, process, TASK_APPROVE_CHANGE, false);
        runJob(process, TASK_REJECT_CHANGE);

        assertThat(process).isEnded().hasPassed(END_CHANGE_REJECTED).hasNotPassed(TASK_APPLY_CHANGE);
        verify(lifecycle).revertChange(peering, change, "Rejected by the partner");
    }

    @Test
    void changeThatCannotBeAppliedIsReverted() {
        doThrow(new PeeringStepFailed("Security group sg-1 has reached its rule limit"))
                .when(lifecycle).applyChange(peering, change);
        ProcessInstance process = propose();

        decide(arthur, process, TASK_APPROVE_CHANGE, true);
        runJob(process, TASK_APPLY_CHANGE);
        runJob(process, TASK_REVERT_CHANGE);

        assertThat(process).isEnded().hasPassed(TASK_REVERT_CHANGE, END_CHANGE_FAILED).hasNotPassed(TASK_VERIFY_CHANGE);
        verify(lifecycle).revertChange(peering, change, "Security group sg-1 has reached its rule limit");
        verify(lifecycle, never()).completeChange(any(), any());
    }

    @Test
    void changeFailingVerificationIsReverted() {
        when(lifecycle.verify(peering)).thenReturn(List.of(new FlowCheck("10.10.1.0/24 -> 10.20.0.0/16 udp/53", false,
                List.of("NACL_DENY"))));
        ProcessInstance process = propose();

        decide(arthur, process, TASK_APPROVE_CHANGE, true);
        runJob(process, TASK_APPLY_CHANGE);
        runJob(process, TASK_VERIFY_CHANGE);
        runJob(process, TASK_REVERT_CHANGE);

        assertThat(process).isEnded().hasPassed(END_CHANGE_FAILED);
        verify(lifecycle).revertChange(peering, change, "Not reachable: 10.10.1.0/24 -> 10.20.0.0/16 udp/53 (NACL_DENY)");
    }

    @Test
    void undecidedChangeLapsesAfterTheDecisionPeriod() {
        clock.set(Instant.parse("2026-12-01T08:00:00Z"));
        ProcessInstance process = propose();
        Instant due = Instant.parse("2026-12-08T08:00:00Z");
        assertThat(task(process, TASK_APPROVE_CHANGE).getDueDate().toInstant()).isEqualTo(due);
        assertThat(job(process, TIMER_CHANGE_EXPIRED).getDuedate().toInstant()).isEqualTo(due);

        engineTime(due.plus(Duration.ofMinutes(1)));
        runJob(process, TIMER_CHANGE_EXPIRED);
        runJob(process, TASK_EXPIRE_CHANGE);

        assertThat(process).isEnded().hasPassed(END_CHANGE_EXPIRED).hasNotPassed(TASK_APPLY_CHANGE);
        verify(lifecycle).revertChange(peering, change, "Not decided before the deadline");
    }

    @Test
    void oneChangeAtATime() {
        propose();

        assertThatThrownBy(() -> workflow.startChange(peering, new ChangeId(UUID.randomUUID()), requester, accepter))
                .isInstanceOf(Conflict.class).hasMessageContaining("already under way");
    }

    private ProcessInstance propose() {
        workflow.startChange(peering, change, requester, accepter);
        return process(KEY, peering);
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringLifecycle.FlowCheck;
import io.peerdesk.domain.peering.PeeringLifecycle.ValidationResult;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringStepFailed;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.NotPermitted;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Every path of peering-request: the decisions, the deadline, the cancellation, and every failure. */
class PeeringRequestProcessTests extends ProcessTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void approvedRequestWithoutSecurityReviewBecomesActive() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);

        Task approval = task(process, TASK_APPROVE_REQUEST);
        assertThat(approval.getDueDate().toInstant()).isEqualTo(expiresAt);
        assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("tenant:" + accepter + ":APPROVER");

        decide(arthur, process, TASK_APPROVE_REQUEST, true);
        runJob(process, TASK_REVALIDATE);
        runJob(process, TASK_PROVISION);

        assertThat(process).isEnded().hasPassedInOrder(TASK_REQUEST_CONNECTION, TASK_APPROVE_REQUEST,
                TASK_REVALIDATE, TASK_PROVISION, TASK_VERIFY, TASK_ACTIVATE, END_ACTIVE).hasNotPassed(TASK_SECURITY_REVIEW);
        var order = inOrder(lifecycle);
        order.verify(lifecycle).requestConnection(id);
        order.verify(lifecycle).decide(eq(arthur), eq(id), any());
        order.verify(lifecycle).validate(id);
        order.verify(lifecycle).needsSecurityReview(id);
        order.verify(lifecycle).provision(id);
        order.verify(lifecycle).verify(id);
        order.verify(lifecycle).activate(id);
    }

    @Test
    void approvedRequestNeedingSecurityReviewBecomesActiveOnceReviewed() {
        PeeringRequestId id = newId();
        when(lifecycle.needsSecurityReview(id)).thenReturn(true);
        ProcessInstance process = fileRequest(id);
        decide(arthur, process, TASK_APPROVE_REQUEST, true);
        runJob(process, TASK_REVALIDATE);

        Task review = task(process, TASK_SECURITY_REVIEW);
        assertThat(review.getDueDate().toInstant()).isEqualTo(expiresAt);
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("tenant:" + accepter + ":SECURITY_REVIEWER");
        decide(asha, process, TASK_SECURITY_REVIEW, true);
        runJob(process, TASK_PROVISION);

        assertThat(process).isEnded().hasPassedInOrder(TASK_APPROVE_REQUEST, TASK_SECURITY_REVIEW, TASK_PROVISION, END_ACTIVE);
        verify(lifecycle).decide(eq(asha), eq(id), any());
        verify(lifecycle).activate(id);
    }

    @Test
    void rejectedRequestEndsRejected() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);

        decide(arthur, process, TASK_APPROVE_REQUEST, false);
        runJob(process, TASK_REJECT);

        assertThat(process).isEnded().hasPassed(TASK_REJECT, END_REJECTED).hasNotPassed(TASK_REVALIDATE);
        verify(lifecycle).reject(id);
        verify(lifecycle, never()).provision(any());
    }

    @Test
    void securityReviewersRejectionEndsRejected() {
        PeeringRequestId id = newId();
        when(lifecycle.needsSecurityReview(id)).thenReturn(true);
        ProcessInstance process = fileRequest(id);
        decide(arthur, process, TASK_APPROVE_REQUEST, true);
        runJob(process, TASK_REVALIDATE);

        decide(asha, process, TASK_SECURITY_REVIEW, false);
        runJob(process, TASK_REJECT);

        assertThat(process).isEnded().hasPassed(TASK_SECURITY_REVIEW, END_REJECTED).hasNotPassed(TASK_PROVISION);
        verify(lifecycle).reject(id);
    }

    @Test
    void requesterCancelsWhileTheRequestAwaitsApproval() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);

        workflow.cancel(alice, id);
        runJob(process, TASK_CANCEL);

        assertThat(process).isEnded().hasPassed(END_CANCELLED).hasNotPassed(TASK_REJECT);
        assertThat(tasks.createTaskQuery().processInstanceId(process.getId()).count()).isZero();
        verify(lifecycle).cancel(id);
    }

    @Test
    void requesterCancelsDuringTheSecurityReview() {
        PeeringRequestId id = newId();
        when(lifecycle.needsSecurityReview(id)).thenReturn(true);
        ProcessInstance process = fileRequest(id);
        decide(arthur, process, TASK_APPROVE_REQUEST, true);
        runJob(process, TASK_REVALIDATE);

        workflow.cancel(alice, id);
        runJob(process, TASK_CANCEL);

        assertThat(process).isEnded().hasPassed(END_CANCELLED).hasNotPassed(TASK_PROVISION);
    }

    @Test
    void onlyTheRequesterCanCancelAndOnlyWhilePending() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);

        assertThatThrownBy(() -> workflow.cancel(arthur, id)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> workflow.cancel(actor(requester, "avery", Role.VIEWER), id)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> workflow.cancel(actor(new TenantId(UUID.randomUUID()),
                "ian", Role.REQUESTER), id)).isInstanceOf(NotFound.class);
        assertThat(process).isWaitingAt(TASK_APPROVE_REQUEST);

        decide(arthur, process, TASK_APPROVE_REQUEST, true);
        runJob(process, TASK_REVALIDATE);
        assertThatThrownBy(() -> workflow.cancel(alice, id)).isInstanceOf(Conflict.class)
                .hasMessageContaining("only while it awaits");
        assertThat(process).isWaitingAt(TASK_PROVISION);
        verify(lifecycle, never()).cancel(any());
    }

    @Test
    void undecidedRequestExpiresWithItsConnection() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);
        Job expiry = job(process, TIMER_REQUEST_EXPIRED);
        assertThat(expiry.getDuedate().toInstant()).isEqualTo(expiresAt);

        engineTime(expiresAt.minusSeconds(1));
        assertThat(management.createJobQuery().jobId(expiry.getId()).executable().count()).isZero();
        engineTime(expiresAt.plusSeconds(1));
        assertThat(management.createJobQuery().jobId(expiry.getId()).executable().count()).isOne();
        String approval = task(process, TASK_APPROVE_REQUEST).getId();
        runJob(process, TIMER_REQUEST_EXPIRED);
        runJob(process, TASK_EXPIRE);

        assertThat(process).isEnded().hasPassed(TIMER_REQUEST_EXPIRED, END_EXPIRED).hasNotPassed(TASK_REVALIDATE);
        verify(lifecycle).expire(id);
        assertThatThrownBy(() -> workflow.decide(arthur, approval, new Decision(true, "late")))
                .isInstanceOf(Conflict.class).hasMessageContaining("deadline");
    }

    @Test
    void approversAreRemindedBeforeTheDeadlineAndTheTaskStaysOpen() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);
        Instant remindAt = expiresAt.minus(Duration.ofDays(2));
        assertThat(job(process, TIMER_REMINDER).getDuedate().toInstant()).isEqualTo(remindAt);

        engineTime(remindAt.plusSeconds(1));
        assertThat(management.createJobQuery().processInstanceId(process.getId()).executable().list())
                .extracting(Job::getId).containsExactly(job(process, TIMER_REMINDER).getId());
        runJob(process, TIMER_REMINDER);

        verify(lifecycle).remind(id);
        assertThat(process).isWaitingAt(TASK_APPROVE_REQUEST).hasPassed(TASK_SEND_REMINDER);
        assertThat(job(process, TIMER_REQUEST_EXPIRED).getDuedate().toInstant()).isEqualTo(expiresAt);
    }

    @Test
    void provisioningFailureIsCompensatedAndEndsFailed() {
        PeeringRequestId id = newId();
        doThrow(new PeeringStepFailed("The accepter's route table rtb-1 is full")).when(lifecycle).provision(id);
        ProcessInstance process = approved(id);

        runJob(process, TASK_PROVISION);
        runJob(process, TASK_COMPENSATE);

        assertThat(process).isEnded().hasPassed(TASK_COMPENSATE, END_FAILED).hasNotPassed(TASK_VERIFY);
        verify(lifecycle).compensate(id, "The accepter's route table rtb-1 is full");
        verify(lifecycle, never()).activate(any());
    }

    @Test
    void transientCloudFailureIsRetriedUntilProvisioningSucceeds() {
        PeeringRequestId id = newId();
        doThrow(new IllegalStateException("cloud endpoint unreachable"))
                .doThrow(new IllegalStateException("cloud endpoint unreachable"))
                .doNothing().when(lifecycle).provision(id);
        ProcessInstance process = approved(id);

        failJob(process, TASK_PROVISION);
        Job retry = job(process, TASK_PROVISION);
        assertThat(retry.getRetries()).isEqualTo(4);
        assertThat(retry.getExceptionMessage()).contains("cloud endpoint unreachable");
        assertThat(retry.getDuedate().toInstant()).isCloseTo(Instant.now().plusSeconds(10), within(Duration.ofSeconds(3)));
        failJob(process, TASK_PROVISION);
        runJob(process, TASK_PROVISION);

        assertThat(process).isEnded().hasPassed(END_ACTIVE).hasNotPassed(TASK_COMPENSATE);
        verify(lifecycle, times(3)).provision(id);
    }

    @Test
    void exhaustedRetriesCompensateAndEndFailedInsteadOfStopping() {
        PeeringRequestId id = newId();
        doThrow(new IllegalStateException("cloud endpoint unreachable")).when(lifecycle).provision(id);
        ProcessInstance process = approved(id);

        for (int attempt = 1; attempt <= 4; attempt++) {
            failJob(process, TASK_PROVISION);
        }
        runJob(process, TASK_PROVISION);
        runJob(process, TASK_COMPENSATE);

        assertThat(process).isEnded().hasPassed(TASK_COMPENSATE, END_FAILED);
        verify(lifecycle, times(5)).provision(id);
        verify(lifecycle).compensate(eq(id), contains("Gave up after repeated failures: cloud endpoint unreachable"));
        assertThat(runtime.createIncidentQuery().processInstanceId(process.getId()).count()).isZero();
    }

    @Test
    void failedVerificationIsCompensatedWithTheExplanationCodes() {
        PeeringRequestId id = newId();
        when(lifecycle.verify(id)).thenReturn(List.of(
                new FlowCheck("10.10.0.0/16 -> 10.20.0.0/16 tcp/443", false, List.of("NO_ROUTE", "SG_INGRESS_DENIED")),
                new FlowCheck("10.20.0.0/16 -> 10.10.0.0/16 tcp/443", true, List.of())));
        ProcessInstance process = approved(id);

        runJob(process, TASK_PROVISION);
        runJob(process, TASK_COMPENSATE);

        assertThat(process).isEnded().hasPassed(TASK_COMPENSATE, END_FAILED).hasNotPassed(TASK_ACTIVATE);
        verify(lifecycle).compensate(id, "Not reachable: 10.10.0.0/16 -> 10.20.0.0/16 tcp/443 (NO_ROUTE, SG_INGRESS_DENIED)");
    }

    @Test
    void requestNoLongerValidAtApprovalFailsWithItsProblems() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);
        when(lifecycle.validate(id)).thenReturn(new ValidationResult(List.of(
                "The contract expired on 2026-12-01", "10.20.0.0/16 overlaps acme-dev")));

        decide(arthur, process, TASK_APPROVE_REQUEST, true);
        runJob(process, TASK_REVALIDATE);
        runJob(process, TASK_COMPENSATE);

        assertThat(process).isEnded().hasPassed(TASK_COMPENSATE, END_FAILED).hasNotPassed(TASK_PROVISION);
        verify(lifecycle).compensate(id,
                "No longer valid when approved: The contract expired on 2026-12-01; 10.20.0.0/16 overlaps acme-dev");
    }

    @Test
    void refusedConnectionRequestEndsFailed() {
        PeeringRequestId id = newId();
        when(lifecycle.requestConnection(id)).thenThrow(new PeeringStepFailed("VpcPeeringConnectionLimitExceeded"));
        workflow.start(id, requester, accepter);
        ProcessInstance process = process(KEY, id);

        runJob(process, TASK_REQUEST_CONNECTION);
        runJob(process, TASK_COMPENSATE);

        assertThat(process).isEnded().hasPassed(END_FAILED).hasNotPassed(TASK_APPROVE_REQUEST);
        verify(lifecycle).compensate(id, "VpcPeeringConnectionLimitExceeded");
    }

    @Test
    void failedStepThatRolledBackItsTransactionStillEndsFailed() {
        PeeringRequestId id = newId();
        TransactionTemplate domainTransaction = new TransactionTemplate(transactions);
        doAnswer(call -> {
            domainTransaction.executeWithoutResult(status -> {
                throw new PeeringStepFailed("Drift: rtb-1 has a route the portal did not make");
            });
            return null;
        }).when(lifecycle).provision(id);
        ProcessInstance process = approved(id);

        runJob(process, TASK_PROVISION);
        runJob(process, TASK_COMPENSATE);

        assertThat(process).isEnded().hasPassed(END_FAILED);
        verify(lifecycle).compensate(id, "Drift: rtb-1 has a route the portal did not make");
    }

    @Test
    void aRequestIsStartedOnce() {
        PeeringRequestId id = newId();
        workflow.start(id, requester, accepter);

        assertThatThrownBy(() -> workflow.start(id, requester, accepter)).isInstanceOf(Conflict.class);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).count()).isOne();
    }
}

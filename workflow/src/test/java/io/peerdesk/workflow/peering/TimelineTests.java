package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.workflow.peering.Timeline.Kind;
import io.peerdesk.workflow.peering.Timeline.Stage;
import io.peerdesk.workflow.peering.Timeline.Step;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.doThrow;

/** The request page's timeline: what happened, what is happening now, and to whom it is shown. */
class TimelineTests extends ProcessTest {

    @Test
    void showsTheStepsSoFarAndTheDecisionAwaited() {
        PeeringRequestId id = newId();
        fileRequest(id);

        Timeline timeline = workflow.timeline(alice, id);

        assertThat(timeline.steps()).extracting(Step::stage, Step::name, Step::kind, Step::current)
                .containsExactly(
                        tuple(Stage.REQUEST, "Request filed", Kind.START, false),
                        tuple(Stage.REQUEST, "Request the peering connection", Kind.STEP, false),
                        tuple(Stage.REQUEST, "Approve the request", Kind.DECISION, true));
        assertThat(timeline.current()).extracting(Step::activityId).containsExactly(TASK_APPROVE_REQUEST);
        assertThat(timeline.steps().get(1).startedAt()).isNotNull();
    }

    @Test
    void namesWhoDecidedAndHowItEnded() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);
        decide(arthur, process, TASK_APPROVE_REQUEST, false);
        runJob(process, TASK_REJECT);

        Timeline timeline = workflow.timeline(arthur, id);

        assertThat(timeline.steps()).extracting(Step::name, Step::by)
                .containsExactly(tuple("Request filed", null), tuple("Request the peering connection", null),
                        tuple("Approve the request", "arthur"), tuple("Reject the connection", null),
                        tuple("Rejected", null));
        assertThat(timeline.current()).isEmpty();
    }

    @Test
    void showsAStepThatIsRetryingWithItsLastFailure() {
        PeeringRequestId id = newId();
        doThrow(new IllegalStateException("cloud endpoint unreachable")).when(lifecycle).provision(id);
        ProcessInstance process = fileRequest(id);
        decide(arthur, process, TASK_APPROVE_REQUEST, true);
        runJob(process, TASK_REVALIDATE);
        assertThat(workflow.timeline(alice, id).current()).singleElement()
                .extracting(Step::name, Step::startedAt, Step::note).containsExactly("Provision the peering", null, "Queued");

        failJob(process, TASK_PROVISION);

        assertThat(workflow.timeline(alice, id).current()).singleElement().extracting(Step::note).asString()
                .isEqualTo("Failed, retrying (4 attempts left): cloud endpoint unreachable");
    }

    @Test
    void showsAnExpiryThatInterruptedTheDecision() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);
        runJob(process, TIMER_REQUEST_EXPIRED);
        runJob(process, TASK_EXPIRE);

        assertThat(workflow.timeline(alice, id).steps()).extracting(Step::name, Step::kind, Step::cancelled)
                .containsSubsequence(tuple("Approve the request", Kind.DECISION, true),
                        tuple("Connection expired", Kind.EVENT, false),
                        tuple("Expire the request", Kind.STEP, false),
                        tuple("Expired", Kind.END, false));
    }

    @Test
    void showsTheReminderButNotTheEndOfItsSidePath() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);
        runJob(process, TIMER_REMINDER);

        assertThat(workflow.timeline(alice, id).steps()).extracting(Step::name)
                .containsExactly("Request filed", "Request the peering connection", "Approve the request",
                        "Deadline near", "Remind the approvers");
    }

    @Test
    void followsThePeeringThroughItsChangesAndTeardown() {
        PeeringRequestId id = newId();
        active(id);
        workflow.startChange(id, new io.peerdesk.domain.peering.ChangeId(UUID.randomUUID()), accepter, requester);
        workflow.startTeardown(id, requester, accepter);
        runJob(process(PeeringTeardownProcess.KEY, id), PeeringTeardownProcess.TASK_TEAR_DOWN);

        assertThat(workflow.timeline(alice, id).steps()).extracting(Step::stage).containsSubsequence(
                Stage.REQUEST, Stage.CHANGE, Stage.TEARDOWN);
    }

    @Test
    void staysVisibleToThePartiesAfterTheRequestsHistoryIsRemoved() {
        PeeringRequestId id = newId();
        ProcessInstance request = fileRequest(id);
        decide(arthur, request, TASK_APPROVE_REQUEST, false);
        runJob(request, TASK_REJECT);
        workflow.startTeardown(id, requester, accepter);
        history.deleteHistoricProcessInstance(request.getId());

        assertThat(workflow.timeline(arthur, id).steps()).extracting(Step::stage).containsOnly(Stage.TEARDOWN);
        assertThatThrownBy(() -> workflow.timeline(actor(new TenantId(UUID.randomUUID()), "ian", Role.VIEWER), id))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void isNotFoundForAnyoneButTheTwoParties() {
        PeeringRequestId id = newId();
        fileRequest(id);

        assertThatThrownBy(() -> workflow.timeline(actor(new TenantId(UUID.randomUUID()), "ian", Role.VIEWER), id))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> workflow.timeline(alice, newId())).isInstanceOf(NotFound.class);
        assertThat(workflow.timeline(actor(accepter, "avery", Role.VIEWER), id).steps()).isNotEmpty();
    }
}

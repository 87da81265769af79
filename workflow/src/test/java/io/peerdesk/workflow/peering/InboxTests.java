package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.TASK_APPROVE_REQUEST;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.TASK_REVALIDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.when;

/** The inbox: the open tasks of the actor's tenant and roles, the nearest deadline first. */
class InboxTests extends ProcessTest {

    private final TenantId otherAccepter = new TenantId(UUID.randomUUID());

    @Test
    void showsOnlyTheTasksOfTheActorsTenantAndRolesNearestDeadlineFirst() {
        Instant now = Instant.now();
        PeeringRequestId inSixDays = file(accepter, now.plus(Duration.ofDays(6)));
        PeeringRequestId inTwoDays = file(accepter, now.plus(Duration.ofDays(2)));
        PeeringRequestId inFourDays = file(accepter, now.plus(Duration.ofDays(4)));
        PeeringRequestId elsewhere = file(otherAccepter, now.plus(Duration.ofDays(1)));
        PeeringRequestId reviewed = file(accepter, now.plus(Duration.ofDays(3)));
        when(lifecycle.needsSecurityReview(reviewed)).thenReturn(true);
        ProcessInstance review = process(PeeringRequestProcess.KEY, reviewed);
        decide(arthur, review, TASK_APPROVE_REQUEST, true);
        runJob(review, TASK_REVALIDATE);

        assertThat(workflow.openTasks(arthur)).extracting(InboxTask::requestId, InboxTask::kind)
                .containsExactly(tuple(inTwoDays, TaskKind.APPROVAL), tuple(inFourDays, TaskKind.APPROVAL),
                        tuple(inSixDays, TaskKind.APPROVAL));
        assertThat(workflow.openTasks(asha)).extracting(InboxTask::requestId, InboxTask::kind)
                .containsExactly(tuple(reviewed, TaskKind.SECURITY_REVIEW));
        Actor irene = actor(accepter, "irene", Role.APPROVER, Role.SECURITY_REVIEWER);
        assertThat(workflow.openTasks(irene)).extracting(InboxTask::requestId)
                .containsExactly(inTwoDays, reviewed, inFourDays, inSixDays);
        assertThat(workflow.openTasks(actor(otherAccepter, "george", Role.APPROVER))).extracting(InboxTask::requestId)
                .containsExactly(elsewhere);
        assertThat(workflow.openTasks(alice)).isEmpty();
        assertThat(workflow.openTasks(actor(accepter, "avery", Role.VIEWER))).isEmpty();
        assertThat(workflow.openTasks(actor(accepter, "nobody"))).isEmpty();
    }

    @Test
    void rowsCarryTheDeadlineAndWhenTheTaskAppeared() {
        Instant due = Instant.now().plus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        PeeringRequestId id = file(accepter, due);

        InboxTask row = workflow.openTasks(arthur).get(0);
        assertThat(row.requestId()).isEqualTo(id);
        assertThat(row.dueAt()).isEqualTo(due);
        assertThat(row.createdAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(workflow.openTask(arthur, id)).contains(row);
        assertThat(workflow.openTask(asha, id)).isEmpty();
    }

    @Test
    void pagesThroughManyTasks() {
        Instant now = Instant.now();
        for (int day = 1; day <= 5; day++) {
            file(accepter, now.plus(Duration.ofDays(day)));
        }

        assertThat(workflow.countOpenTasks(arthur)).isEqualTo(5);
        assertThat(workflow.openTasks(arthur, 0, 2)).hasSize(2);
        assertThat(workflow.openTasks(arthur, 4, 2)).singleElement()
                .extracting(InboxTask::dueAt).isEqualTo(now.plus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(workflow.countOpenTasks(alice)).isZero();
    }

    private PeeringRequestId file(TenantId to, Instant expiresAt) {
        PeeringRequestId id = newId();
        when(lifecycle.requestConnection(id)).thenReturn(expiresAt);
        workflow.start(id, requester, to);
        runJob(process(PeeringRequestProcess.KEY, id), PeeringRequestProcess.TASK_REQUEST_CONNECTION);
        return id;
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.TASK_APPROVE_REQUEST;
import static io.peerdesk.workflow.peering.PeeringRequestProcess.TASK_REVALIDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Who may decide a task, and that a task is decided exactly once. */
class TaskDecisionTests extends ProcessTest {

    private final Actor anna = actor(accepter, "anna", Role.APPROVER);
    private final Decision yes = new Decision(true, "looks right");

    @Test
    void anotherTenantsApproverFindsNoSuchTask() {
        ProcessInstance process = fileRequest(newId());
        String taskId = task(process, TASK_APPROVE_REQUEST).getId();

        assertThatThrownBy(() -> workflow.decide(actor(new TenantId(UUID.randomUUID()), "irene", Role.APPROVER), taskId, yes))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> workflow.decide(actor(requester, "george", Role.APPROVER), taskId, yes))
                .isInstanceOf(NotFound.class);

        assertThat(process).isWaitingAt(TASK_APPROVE_REQUEST);
        verify(lifecycle, never()).decide(any(), any(), any());
    }

    @Test
    void memberWithoutTheTasksRoleFindsNoSuchTask() {
        ProcessInstance process = fileRequest(newId());
        String taskId = task(process, TASK_APPROVE_REQUEST).getId();

        assertThatThrownBy(() -> workflow.decide(asha, taskId, yes)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> workflow.decide(actor(accepter, "avery"), taskId, yes)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> workflow.decide(arthur, "no-such-task", yes)).isInstanceOf(NotFound.class);

        assertThat(process).isWaitingAt(TASK_APPROVE_REQUEST);
    }

    @Test
    void aSecondDecisionIsRefusedNamingTheFirstDecider() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);
        String taskId = task(process, TASK_APPROVE_REQUEST).getId();
        workflow.decide(arthur, taskId, yes);

        assertThatThrownBy(() -> workflow.decide(anna, taskId, new Decision(false, "no")))
                .isInstanceOf(Conflict.class).hasMessage("Already decided by arthur");
        verify(lifecycle, times(1)).decide(any(), any(), any());
        assertThat(process).isWaitingAt(TASK_REVALIDATE);
    }

    @Test
    void decisionTheDomainRefusesLeavesTheTaskOpenAndUnclaimed() {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);
        String taskId = task(process, TASK_APPROVE_REQUEST).getId();
        doThrow(new Conflict("The request was changed meanwhile")).when(lifecycle).decide(any(), any(), any());

        assertThatThrownBy(() -> workflow.decide(arthur, taskId, yes))
                .isInstanceOf(Conflict.class).hasMessage("The request was changed meanwhile");

        Task task = task(process, TASK_APPROVE_REQUEST);
        assertThat(task.getAssignee()).isNull();
        assertThat(workflow.openTasks(anna)).extracting(InboxTask::taskId).contains(taskId);
    }

    @RepeatedTest(3)
    void concurrentDecisionsOnOneTaskExactlyOneWins() throws Exception {
        PeeringRequestId id = newId();
        ProcessInstance process = fileRequest(id);
        String taskId = task(process, TASK_APPROVE_REQUEST).getId();
        doAnswer(call -> {
            Thread.sleep(150); // the winner holds the task's row a while: the other decision waits on it
            return null;
        }).when(lifecycle).decide(any(), any(), any());

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Throwable>> outcomes = new ArrayList<>();
        for (Actor approver : List.of(arthur, anna)) {
            outcomes.add(threads.submit(() -> {
                start.await(5, TimeUnit.SECONDS);
                try {
                    workflow.decide(approver, taskId, new Decision(approver == arthur, approver.name()));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        List<Throwable> results = new ArrayList<>();
        for (Future<Throwable> outcome : outcomes) {
            results.add(outcome.get(30, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(results).filteredOn(result -> result == null).hasSize(1);
        assertThat(results).filteredOn(result -> result != null).singleElement()
                .isInstanceOf(Conflict.class).extracting(Throwable::getMessage).asString().startsWith("Already decided by ");
        verify(lifecycle, times(1)).decide(any(), any(), any());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .activityId(TASK_APPROVE_REQUEST).finished().count()).isOne();
    }
}

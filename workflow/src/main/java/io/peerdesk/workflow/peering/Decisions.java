package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.ChangeId;
import io.peerdesk.domain.peering.PeeringLifecycle;
import io.peerdesk.domain.peering.PeeringLifecycle.Decision;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.DomainException;
import io.peerdesk.domain.support.NotFound;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Optional;

/**
 * A person's decision on a task: claimed, recorded by the domain and completed in one transaction.
 * The claim updates the task's row with its version: of two decisions on one task the second waits
 * for the first to commit, then finds the row gone and fails, and is reported as already decided.
 */
@Component
class Decisions {

    private final Inbox inbox;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final PeeringLifecycle lifecycle;
    private final TransactionTemplate transaction;

    Decisions(Inbox inbox, TaskService tasks, RuntimeService runtime, HistoryService history, PeeringLifecycle lifecycle,
              PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.lifecycle = lifecycle;
        this.transaction = new TransactionTemplate(transactions);
    }

    void decide(Actor actor, String taskId, Decision decision) {
        try {
            transaction.executeWithoutResult(status -> decideOnce(actor, taskId, decision));
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw decidedMeanwhile(actor, taskId).map(RuntimeException.class::cast).orElse(e);
        }
    }

    private void decideOnce(Actor actor, String taskId, Decision decision) {
        Task task = inbox.task(actor, taskId).orElseThrow(() -> decidedMeanwhile(actor, taskId)
                .map(RuntimeException.class::cast).orElseGet(() -> new NotFound("Task", taskId)));
        tasks.claim(taskId, actor.name());
        PeeringRequestId id = PeeringRequestId.parse(runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
        TaskKind kind = TaskKind.of(task.getTaskDefinitionKey()).orElseThrow();
        if (kind == TaskKind.CHANGE_APPROVAL || kind == TaskKind.CHANGE_REVIEW) {
            ChangeId change = ChangeId.parse((String) tasks.getVariable(taskId, PeeringChangeProcess.CHANGE_ID));
            lifecycle.decideChange(actor, id, change, decision);
        } else {
            lifecycle.decide(actor, id, decision);
        }
        tasks.complete(taskId, Map.of(PeeringRequestProcess.APPROVED, decision.approved()));
    }

    /** A conflict if the task was the actor's to do and has ended; nothing for anyone else's task. */
    private Optional<Conflict> decidedMeanwhile(Actor actor, String taskId) {
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (task == null || task.getEndTime() == null) {
            return Optional.empty();
        }
        TaskKind kind = TaskKind.of(task.getTaskDefinitionKey()).orElse(null);
        if (kind == null || !kind.allows(actor, tenant(task, kind))) {
            return Optional.empty();
        }
        return Optional.of("completed".equals(task.getDeleteReason())
                ? new Conflict("Already decided by " + task.getAssignee())
                : new Conflict("No longer awaits a decision: it was cancelled or its deadline passed"));
    }

    private String tenant(HistoricTaskInstance task, TaskKind kind) {
        HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).variableName(kind.tenantVariable).singleResult();
        return variable == null ? null : (String) variable.getValue();
    }
}

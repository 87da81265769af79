package io.peerdesk.workflow.peering;

import io.peerdesk.domain.support.TenantId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The decision tasks' create, complete and delete listener: keeps the inbox's rows in step with the
 * engine's tasks, in the engine's transaction.
 */
@Component("peeringInbox")
class InboxEntries implements TaskListener {

    private final InboxRepository inbox;

    InboxEntries(InboxRepository inbox) {
        this.inbox = inbox;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskKind kind = TaskKind.of(task.getTaskDefinitionKey()).orElseThrow();
            InboxTask row = new InboxTask(task.getId(),
                    PeeringRequestProcess.requestId(task.getExecution()), kind,
                    task.getDueDate().toInstant(), task.getCreateTime().toInstant());
            inbox.add(row, TenantId.of((String) task.getVariable(kind.tenantVariable)));
        } else {
            inbox.remove(task.getId());
        }
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Open tasks by candidate group, straight from the engine's task table (indexed by group, sorted by
 * due date, one page at a time): the actor sees exactly the tasks of the actor's tenant and roles.
 */
@Component
class Inbox {

    private static final String[] PROCESSES = {PeeringRequestProcess.KEY, PeeringChangeProcess.KEY};

    private final TaskService tasks;
    private final RuntimeService runtime;

    Inbox(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    List<InboxTask> page(Actor actor, int first, int max) {
        if (actor.roles().isEmpty()) {
            return List.of();
        }
        List<Task> page = query(actor).orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(first, max);
        Map<String, String> requestIds = requestIds(page);
        return page.stream().map(task -> new InboxTask(task.getId(),
                        PeeringRequestId.parse(requestIds.get(task.getProcessInstanceId())),
                        TaskKind.of(task.getTaskDefinitionKey()).orElseThrow(),
                        task.getDueDate().toInstant(), task.getCreateTime().toInstant()))
                .toList();
    }

    long count(Actor actor) {
        return actor.roles().isEmpty() ? 0 : query(actor).count();
    }

    /** The open task, if the actor may do it. */
    Optional<Task> task(Actor actor, String taskId) {
        return actor.roles().isEmpty() ? Optional.empty() : Optional.ofNullable(query(actor).taskId(taskId).singleResult());
    }

    /** The actor's open task on a request (or on a change of its peering), if any. */
    Optional<InboxTask> taskOn(Actor actor, PeeringRequestId id) {
        if (actor.roles().isEmpty()) {
            return Optional.empty();
        }
        return query(actor).processInstanceBusinessKey(id.toString()).orderByDueDate().asc().listPage(0, 1).stream()
                .findFirst()
                .map(task -> new InboxTask(task.getId(), id, TaskKind.of(task.getTaskDefinitionKey()).orElseThrow(),
                        task.getDueDate().toInstant(), task.getCreateTime().toInstant()));
    }

    private TaskQuery query(Actor actor) {
        return tasks.createTaskQuery()
                .processDefinitionKeyIn(PROCESSES)
                .taskCandidateGroupIn(TaskKind.candidateGroups(actor));
    }

    private Map<String, String> requestIds(List<Task> page) {
        if (page.isEmpty()) {
            return Map.of();
        }
        Set<String> processIds = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        return runtime.createProcessInstanceQuery().processInstanceIds(processIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }
}

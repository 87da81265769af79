package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.Actor;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An actor's open tasks: those of the actor's tenant whose kind the actor's roles allow. Lists come
 * from the inbox's own table (one index range per tenant, by deadline); the engine's task query by
 * candidate group has to join and sort all of a tenant's tasks for every page, which with thousands
 * of open tasks is too slow on PostgreSQL (see InboxBenchmark). A single task is looked up in the
 * engine by id and candidate group.
 */
@Component
class Inbox {

    private static final String[] PROCESSES = {PeeringRequestProcess.KEY, PeeringChangeProcess.KEY};

    private final InboxRepository rows;
    private final TaskService tasks;

    Inbox(InboxRepository rows, TaskService tasks) {
        this.rows = rows;
        this.tasks = tasks;
    }

    List<InboxTask> page(Actor actor, int first, int max) {
        Set<TaskKind> kinds = TaskKind.doneBy(actor);
        return kinds.isEmpty() ? List.of() : rows.findOpenFor(actor.tenant(), kinds, first, max);
    }

    long count(Actor actor) {
        Set<TaskKind> kinds = TaskKind.doneBy(actor);
        return kinds.isEmpty() ? 0 : rows.countOpenFor(actor.tenant(), kinds);
    }

    /** The actor's open task on a request (or on a change of its peering), if any. */
    Optional<InboxTask> taskOn(Actor actor, PeeringRequestId id) {
        Set<TaskKind> kinds = TaskKind.doneBy(actor);
        return kinds.isEmpty() ? Optional.empty() : rows.findOpenOn(actor.tenant(), kinds, id);
    }

    /** The open task, if the actor may do it. */
    Optional<Task> task(Actor actor, String taskId) {
        if (actor.roles().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(tasks.createTaskQuery()
                .processDefinitionKeyIn(PROCESSES)
                .taskCandidateGroupIn(TaskKind.candidateGroups(actor))
                .taskId(taskId)
                .singleResult());
    }
}

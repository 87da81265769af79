package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.support.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.peerdesk.db.Tables.PEERING_TASK;

/** The inbox's rows (V6 peering_task): a tenant's open decision tasks by deadline. */
@Repository
class InboxRepository {

    private final DSLContext db;

    InboxRepository(DSLContext db) {
        this.db = db;
    }

    void add(InboxTask task, TenantId tenant) {
        db.insertInto(PEERING_TASK)
                .set(PEERING_TASK.TASK_ID, task.taskId())
                .set(PEERING_TASK.REQUEST_ID, task.requestId().value())
                .set(PEERING_TASK.TENANT_ID, tenant.value())
                .set(PEERING_TASK.KIND, task.kind().name())
                .set(PEERING_TASK.DUE_AT, utc(task.dueAt()))
                .set(PEERING_TASK.CREATED_AT, utc(task.createdAt()))
                .execute();
    }

    void remove(String taskId) {
        db.deleteFrom(PEERING_TASK).where(PEERING_TASK.TASK_ID.eq(taskId)).execute();
    }

    List<InboxTask> findOpenFor(TenantId tenant, Set<TaskKind> kinds, int first, int max) {
        return db.selectFrom(PEERING_TASK)
                .where(openFor(tenant, kinds))
                .orderBy(PEERING_TASK.DUE_AT, PEERING_TASK.CREATED_AT, PEERING_TASK.TASK_ID)
                .limit(max).offset(first)
                .fetch(InboxRepository::inboxTask);
    }

    int countOpenFor(TenantId tenant, Set<TaskKind> kinds) {
        return db.fetchCount(PEERING_TASK, openFor(tenant, kinds));
    }

    Optional<InboxTask> findOpenOn(TenantId tenant, Set<TaskKind> kinds, PeeringRequestId id) {
        return db.selectFrom(PEERING_TASK)
                .where(openFor(tenant, kinds)).and(PEERING_TASK.REQUEST_ID.eq(id.value()))
                .orderBy(PEERING_TASK.DUE_AT)
                .limit(1)
                .fetchOptional(InboxRepository::inboxTask);
    }

    private static Condition openFor(TenantId tenant, Set<TaskKind> kinds) {
        return PEERING_TASK.TENANT_ID.eq(tenant.value())
                .and(PEERING_TASK.KIND.in(kinds.stream().map(TaskKind::name).toList()));
    }

    private static InboxTask inboxTask(Record row) {
        return new InboxTask(row.get(PEERING_TASK.TASK_ID), new PeeringRequestId(row.get(PEERING_TASK.REQUEST_ID)),
                TaskKind.valueOf(row.get(PEERING_TASK.KIND)), row.get(PEERING_TASK.DUE_AT).toInstant(),
                row.get(PEERING_TASK.CREATED_AT).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

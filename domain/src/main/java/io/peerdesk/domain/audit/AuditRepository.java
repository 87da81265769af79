package io.peerdesk.domain.audit;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.peerdesk.db.Tables.AUDIT_EVENT;
import static io.peerdesk.db.Tables.TENANT;
import static org.jooq.impl.DSL.noCondition;

@Repository
class AuditRepository {

    private final DSLContext db;

    AuditRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Instant at, Actor actor, TenantId partner, String action, String objectType, String objectId, String summary) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, at.atOffset(ZoneOffset.UTC))
                .set(AUDIT_EVENT.TENANT_ID, actor.tenant().value())
                .set(AUDIT_EVENT.PARTNER_ID, partner == null ? null : partner.value())
                .set(AUDIT_EVENT.ACTOR, truncate(actor.name(), 120))
                .set(AUDIT_EVENT.SOURCE_ADDRESS, truncate(actor.address(), 64))
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.OBJECT_TYPE, objectType)
                .set(AUDIT_EVENT.OBJECT_ID, objectId)
                .set(AUDIT_EVENT.SUMMARY, truncate(summary, 1000))
                .execute();
    }

    List<AuditEvent> findVisibleTo(TenantId tenant, String search, int limit) {
        Condition matches = noCondition();
        if (search != null && !search.isBlank()) {
            String like = "%" + search.strip().toLowerCase() + "%";
            matches = AUDIT_EVENT.ACTION.lower().like(like)
                    .or(AUDIT_EVENT.OBJECT_ID.lower().like(like))
                    .or(AUDIT_EVENT.SUMMARY.lower().like(like))
                    .or(AUDIT_EVENT.ACTOR.lower().like(like));
        }
        return select().where(visibleTo(tenant)).and(matches)
                .orderBy(AUDIT_EVENT.ID.desc()).limit(limit)
                .fetch(AuditRepository::toEvent);
    }

    List<AuditEvent> findForObject(TenantId tenant, String objectType, String objectId) {
        return select().where(visibleTo(tenant))
                .and(AUDIT_EVENT.OBJECT_TYPE.eq(objectType)).and(AUDIT_EVENT.OBJECT_ID.eq(objectId))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(200)
                .fetch(AuditRepository::toEvent);
    }

    private org.jooq.SelectJoinStep<Record> select() {
        return db.select(AUDIT_EVENT.fields()).select(TENANT.NAME)
                .from(AUDIT_EVENT).join(TENANT).on(TENANT.ID.eq(AUDIT_EVENT.TENANT_ID));
    }

    private static Condition visibleTo(TenantId tenant) {
        UUID id = tenant.value();
        return AUDIT_EVENT.TENANT_ID.eq(id).or(AUDIT_EVENT.PARTNER_ID.eq(id));
    }

    private static AuditEvent toEvent(Record r) {
        return new AuditEvent(r.get(AUDIT_EVENT.ID), r.get(AUDIT_EVENT.OCCURRED_AT).toInstant(), r.get(TENANT.NAME),
                r.get(AUDIT_EVENT.ACTOR), r.get(AUDIT_EVENT.SOURCE_ADDRESS), r.get(AUDIT_EVENT.ACTION),
                r.get(AUDIT_EVENT.OBJECT_TYPE), r.get(AUDIT_EVENT.OBJECT_ID), r.get(AUDIT_EVENT.SUMMARY));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

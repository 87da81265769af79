package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.peerdesk.db.Tables.MEMBER;
import static io.peerdesk.db.Tables.MEMBER_ROLE;
import static io.peerdesk.db.Tables.TENANT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

@Repository
class TenantRepository {

    private final DSLContext db;

    TenantRepository(DSLContext db) {
        this.db = db;
    }

    Tenant insert(String slug, String name, Instant at) {
        UUID id = UUID.randomUUID();
        db.insertInto(TENANT).set(TENANT.ID, id).set(TENANT.SLUG, slug).set(TENANT.NAME, name)
                .set(TENANT.CREATED_AT, at.atOffset(ZoneOffset.UTC)).execute();
        return new Tenant(new TenantId(id), slug, name);
    }

    Optional<Tenant> find(TenantId id) {
        return db.selectFrom(TENANT).where(TENANT.ID.eq(id.value())).fetchOptional(TenantRepository::toTenant);
    }

    Optional<Tenant> findBySlug(String slug) {
        return db.selectFrom(TENANT).where(TENANT.SLUG.eq(slug)).fetchOptional(TenantRepository::toTenant);
    }

    List<Tenant> findAll() {
        return db.selectFrom(TENANT).orderBy(TENANT.NAME).fetch(TenantRepository::toTenant);
    }

    /** Every tenant with its enabled members and enabled tenant admins, by name. */
    List<TenantSummary> summaries() {
        var members = select(count()).from(MEMBER).where(MEMBER.TENANT_ID.eq(TENANT.ID)).and(MEMBER.ENABLED.isTrue());
        var admins = select(count()).from(MEMBER).join(MEMBER_ROLE).on(MEMBER_ROLE.MEMBER_ID.eq(MEMBER.ID))
                .where(MEMBER.TENANT_ID.eq(TENANT.ID)).and(MEMBER.ENABLED.isTrue())
                .and(MEMBER_ROLE.ROLE.eq(Role.TENANT_ADMIN.name()));
        return db.select(TENANT.ID, TENANT.SLUG, TENANT.NAME, TENANT.CREATED_AT, field(members), field(admins))
                .from(TENANT).orderBy(TENANT.NAME)
                .fetch(r -> new TenantSummary(new Tenant(new TenantId(r.value1()), r.value2(), r.value3()),
                        r.value4().toInstant(), r.value5(), r.value6()));
    }

    private static Tenant toTenant(Record r) {
        return new Tenant(new TenantId(r.get(TENANT.ID)), r.get(TENANT.SLUG), r.get(TENANT.NAME));
    }
}

package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.support.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.peerdesk.db.Tables.TENANT;

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

    private static Tenant toTenant(Record r) {
        return new Tenant(new TenantId(r.get(TENANT.ID)), r.get(TENANT.SLUG), r.get(TENANT.NAME));
    }
}

package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.support.RenderedQuery;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.peerdesk.db.Tables.SERVICE_ACCOUNT;
import static io.peerdesk.db.Tables.TENANT;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.selectOne;

@Repository
class ServiceAccountRepository {

    private final DSLContext db;
    /** Asked on every API call a service account makes (see {@link ServiceAccounts#revoked}). */
    private final RenderedQuery revoked;

    ServiceAccountRepository(DSLContext db) {
        this.db = db;
        this.revoked = new RenderedQuery(db, selectOne().from(SERVICE_ACCOUNT)
                .where(SERVICE_ACCOUNT.CLIENT_ID.eq(param("clientId", String.class)))
                .and(SERVICE_ACCOUNT.REVOKED_AT.isNotNull()));
    }

    void insert(TenantId tenant, ServiceAccount account, String secretHash) {
        db.insertInto(SERVICE_ACCOUNT)
                .set(SERVICE_ACCOUNT.ID, account.id()).set(SERVICE_ACCOUNT.TENANT_ID, tenant.value())
                .set(SERVICE_ACCOUNT.CLIENT_ID, account.clientId()).set(SERVICE_ACCOUNT.NAME, account.name())
                .set(SERVICE_ACCOUNT.SECRET_HASH, secretHash).set(SERVICE_ACCOUNT.ROLES, encode(account.roles()))
                .set(SERVICE_ACCOUNT.CREATED_AT, account.createdAt().atOffset(ZoneOffset.UTC))
                .set(SERVICE_ACCOUNT.CREATED_BY, account.createdBy())
                .execute();
    }

    List<ServiceAccount> findAll(TenantId tenant) {
        return db.selectFrom(SERVICE_ACCOUNT).where(SERVICE_ACCOUNT.TENANT_ID.eq(tenant.value()))
                .orderBy(SERVICE_ACCOUNT.CREATED_AT.desc())
                .fetch(ServiceAccountRepository::toAccount);
    }

    Optional<ServiceAccount> find(TenantId tenant, UUID id) {
        return db.selectFrom(SERVICE_ACCOUNT)
                .where(SERVICE_ACCOUNT.TENANT_ID.eq(tenant.value())).and(SERVICE_ACCOUNT.ID.eq(id))
                .fetchOptional(ServiceAccountRepository::toAccount);
    }

    boolean revoke(TenantId tenant, UUID id, Instant at) {
        return db.update(SERVICE_ACCOUNT).set(SERVICE_ACCOUNT.REVOKED_AT, at.atOffset(ZoneOffset.UTC))
                .where(SERVICE_ACCOUNT.TENANT_ID.eq(tenant.value())).and(SERVICE_ACCOUNT.ID.eq(id))
                .and(SERVICE_ACCOUNT.REVOKED_AT.isNull())
                .execute() == 1;
    }

    boolean isRevoked(String clientId) {
        return revoked.fetch(db, clientId).isNotEmpty();
    }

    Optional<ServiceAccountLogin> findActiveLogin(String clientId) {
        return db.select(SERVICE_ACCOUNT.CLIENT_ID, SERVICE_ACCOUNT.SECRET_HASH, SERVICE_ACCOUNT.TENANT_ID,
                        SERVICE_ACCOUNT.ROLES, TENANT.SLUG)
                .from(SERVICE_ACCOUNT).join(TENANT).on(TENANT.ID.eq(SERVICE_ACCOUNT.TENANT_ID))
                .where(SERVICE_ACCOUNT.CLIENT_ID.eq(clientId)).and(SERVICE_ACCOUNT.REVOKED_AT.isNull())
                .fetchOptional(r -> new ServiceAccountLogin(r.value1(), r.value2(), new TenantId(r.value3()),
                        r.value5(), decode(r.value4())));
    }

    private static ServiceAccount toAccount(Record r) {
        var revoked = r.get(SERVICE_ACCOUNT.REVOKED_AT);
        return new ServiceAccount(r.get(SERVICE_ACCOUNT.ID), r.get(SERVICE_ACCOUNT.CLIENT_ID), r.get(SERVICE_ACCOUNT.NAME),
                decode(r.get(SERVICE_ACCOUNT.ROLES)), r.get(SERVICE_ACCOUNT.CREATED_AT).toInstant(),
                r.get(SERVICE_ACCOUNT.CREATED_BY), revoked == null ? null : revoked.toInstant());
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> decode(String roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(set::add);
        return set;
    }
}

package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.peerdesk.db.Tables.MEMBER;
import static io.peerdesk.db.Tables.MEMBER_ROLE;
import static io.peerdesk.db.Tables.TENANT;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

@Repository
class MemberRepository {

    private final DSLContext db;

    MemberRepository(DSLContext db) {
        this.db = db;
    }

    UUID insert(TenantId tenant, NewMember member, String passwordHash, Instant at) {
        UUID id = UUID.randomUUID();
        db.insertInto(MEMBER)
                .set(MEMBER.ID, id).set(MEMBER.TENANT_ID, tenant.value())
                .set(MEMBER.USERNAME, member.username()).set(MEMBER.DISPLAY_NAME, member.displayName())
                .set(MEMBER.EMAIL, member.email()).set(MEMBER.PASSWORD_HASH, passwordHash)
                .set(MEMBER.ENABLED, true).set(MEMBER.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .execute();
        replaceRoles(id, member.roles());
        return id;
    }

    boolean usernameTaken(String username) {
        return db.fetchExists(MEMBER, MEMBER.USERNAME.eq(username));
    }

    List<Member> findAll(TenantId tenant) {
        return db.select(MEMBER.fields()).select(roles())
                .from(MEMBER).where(MEMBER.TENANT_ID.eq(tenant.value()))
                .orderBy(MEMBER.DISPLAY_NAME)
                .fetch(MemberRepository::toMember);
    }

    Optional<Member> find(TenantId tenant, UUID id) {
        return db.select(MEMBER.fields()).select(roles())
                .from(MEMBER).where(MEMBER.TENANT_ID.eq(tenant.value())).and(MEMBER.ID.eq(id))
                .fetchOptional(MemberRepository::toMember);
    }

    Optional<Login> findLogin(String username) {
        return db.select(MEMBER.fields()).select(TENANT.SLUG, TENANT.NAME).select(roles())
                .from(MEMBER).join(TENANT).on(TENANT.ID.eq(MEMBER.TENANT_ID))
                .where(MEMBER.USERNAME.eq(username))
                .fetchOptional(r -> new Login(r.get(MEMBER.USERNAME), r.get(MEMBER.DISPLAY_NAME), r.get(MEMBER.EMAIL),
                        r.get(MEMBER.PASSWORD_HASH), r.get(MEMBER.ENABLED), new TenantId(r.get(MEMBER.TENANT_ID)),
                        r.get(TENANT.SLUG), r.get(TENANT.NAME), rolesOf(r)));
    }

    void replaceRoles(UUID member, Set<Role> roles) {
        db.deleteFrom(MEMBER_ROLE).where(MEMBER_ROLE.MEMBER_ID.eq(member)).execute();
        var insert = db.insertInto(MEMBER_ROLE, MEMBER_ROLE.MEMBER_ID, MEMBER_ROLE.ROLE);
        roles.forEach(role -> insert.values(member, role.name()));
        insert.execute();
    }

    void setEnabled(UUID member, boolean enabled) {
        db.update(MEMBER).set(MEMBER.ENABLED, enabled).where(MEMBER.ID.eq(member)).execute();
    }

    int countEnabledWithRole(TenantId tenant, Role role) {
        return db.fetchCount(db.select(MEMBER.ID).from(MEMBER).join(MEMBER_ROLE).on(MEMBER_ROLE.MEMBER_ID.eq(MEMBER.ID))
                .where(MEMBER.TENANT_ID.eq(tenant.value())).and(MEMBER.ENABLED).and(MEMBER_ROLE.ROLE.eq(role.name())));
    }

    /** The member's roles, read in the same query (one MULTISET, no N+1). */
    private static final Field<Set<Role>> ROLES = multiset(
            select(MEMBER_ROLE.ROLE).from(MEMBER_ROLE).where(MEMBER_ROLE.MEMBER_ID.eq(MEMBER.ID)))
            .as("roles")
            .convertFrom(rows -> rows.stream().map(row -> Role.valueOf(row.value1()))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));

    private static Field<Set<Role>> roles() {
        return ROLES;
    }

    private static Set<Role> rolesOf(Record r) {
        return r.get(ROLES);
    }

    private static Member toMember(Record r) {
        return new Member(r.get(MEMBER.ID), r.get(MEMBER.USERNAME), r.get(MEMBER.DISPLAY_NAME), r.get(MEMBER.EMAIL),
                rolesOf(r), r.get(MEMBER.ENABLED));
    }
}

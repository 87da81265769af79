package io.peerdesk.domain.notification;

import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.peerdesk.db.Tables.NOTIFICATION;
import static io.peerdesk.db.Tables.NOTIFICATION_READ;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectOne;

@Repository
class NotificationRepository {

    private final DSLContext db;

    NotificationRepository(DSLContext db) {
        this.db = db;
    }

    void insert(TenantId tenant, Role role, String member, String message, String link, Instant at) {
        db.insertInto(NOTIFICATION)
                .set(NOTIFICATION.ID, UUID.randomUUID()).set(NOTIFICATION.TENANT_ID, tenant.value())
                .set(NOTIFICATION.ROLE, role == null ? null : role.name()).set(NOTIFICATION.MEMBER_NAME, member)
                .set(NOTIFICATION.MESSAGE, cut(message, 1000)).set(NOTIFICATION.LINK, link)
                .set(NOTIFICATION.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    List<Notification> findFor(TenantId tenant, String member, Set<Role> roles, boolean unreadOnly, int limit) {
        Field<Boolean> read = field(readBy(member)).as("is_read");
        Condition where = addressedTo(tenant, member, roles);
        if (unreadOnly) {
            where = where.andNot(readBy(member));
        }
        return db.select(NOTIFICATION.ID, NOTIFICATION.MESSAGE, NOTIFICATION.LINK, NOTIFICATION.CREATED_AT, read)
                .from(NOTIFICATION).where(where)
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID)
                .limit(limit)
                .fetch(r -> new Notification(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5()));
    }

    int countUnread(TenantId tenant, String member, Set<Role> roles) {
        return db.fetchCount(NOTIFICATION, addressedTo(tenant, member, roles).andNot(readBy(member)));
    }

    boolean isFor(UUID id, TenantId tenant, String member, Set<Role> roles) {
        return db.fetchExists(NOTIFICATION, NOTIFICATION.ID.eq(id).and(addressedTo(tenant, member, roles)));
    }

    void markRead(UUID id, String member, Instant at) {
        db.insertInto(NOTIFICATION_READ)
                .set(NOTIFICATION_READ.NOTIFICATION_ID, id).set(NOTIFICATION_READ.MEMBER_NAME, member)
                .set(NOTIFICATION_READ.READ_AT, at.atOffset(ZoneOffset.UTC))
                .onDuplicateKeyIgnore()
                .execute();
    }

    private static Condition addressedTo(TenantId tenant, String member, Set<Role> roles) {
        List<String> roleNames = roles.stream().map(Role::name).toList();
        return NOTIFICATION.TENANT_ID.eq(tenant.value())
                .and(NOTIFICATION.MEMBER_NAME.isNull().or(NOTIFICATION.MEMBER_NAME.eq(member)))
                .and(NOTIFICATION.ROLE.isNull().or(NOTIFICATION.ROLE.in(roleNames)));
    }

    private static Condition readBy(String member) {
        return exists(selectOne().from(NOTIFICATION_READ)
                .where(NOTIFICATION_READ.NOTIFICATION_ID.eq(NOTIFICATION.ID))
                .and(NOTIFICATION_READ.MEMBER_NAME.eq(member)));
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}

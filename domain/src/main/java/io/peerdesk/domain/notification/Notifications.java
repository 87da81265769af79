package io.peerdesk.domain.notification;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The in-portal inbox: features tell a tenant's members holding a role (approvers, security
 * reviewers…), a whole tenant, or one member that something needs them. Notifications are written
 * in the transaction of the change they report, so nobody hears of a change that did not happen.
 * Each member reads and marks them on its own: one approver reading a notification leaves it
 * unread for the others.
 */
@Service
public class Notifications {

    /** How many notifications a member sees at most, newest first. */
    public static final int LIMIT = 100;

    private final NotificationRepository notifications;
    private final Clock clock;

    Notifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Tells the tenant's members holding {@code role} (every member when null). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyRole(TenantId tenant, Role role, String message, String link) {
        notifications.insert(tenant, role, null, message, link, clock.instant());
    }

    /** Tells one member of the tenant (a member or service account name). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyMember(TenantId tenant, String member, String message, String link) {
        notifications.insert(tenant, null, member, message, link, clock.instant());
    }

    /** The actor's notifications, newest first; {@code unreadOnly} leaves out what it has read. */
    @Transactional(readOnly = true)
    public List<Notification> forActor(Actor actor, boolean unreadOnly) {
        return notifications.findFor(actor.tenant(), actor.name(), actor.roles(), unreadOnly, LIMIT);
    }

    @Transactional(readOnly = true)
    public int unreadCount(Actor actor) {
        return notifications.countUnread(actor.tenant(), actor.name(), actor.roles());
    }

    /** Marks one of the actor's notifications read; another's (or none) is not found. */
    @Transactional
    public void markRead(Actor actor, UUID id) {
        if (!notifications.isFor(id, actor.tenant(), actor.name(), actor.roles())) {
            throw new NotFound("Notification", id);
        }
        notifications.markRead(id, actor.name(), clock.instant());
    }

    /** Marks everything the actor has unread as read. */
    @Transactional
    public void markAllRead(Actor actor) {
        for (Notification n : notifications.findFor(actor.tenant(), actor.name(), actor.roles(), true, Integer.MAX_VALUE)) {
            notifications.markRead(n.id(), actor.name(), clock.instant());
        }
    }
}

package io.peerdesk.domain.peering;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.notification.Notifications;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * How both parties hear of a request's progress, inside the transaction of the change: the shared
 * audit event (the request's timeline), in-portal notifications, and the feature's events.
 */
@Component
class PeeringNews {

    static final String OBJECT_TYPE = "peering-request";

    private final AuditLog audit;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;

    PeeringNews(AuditLog audit, Notifications notifications, ApplicationEventPublisher events) {
        this.audit = audit;
        this.notifications = notifications;
        this.events = events;
    }

    /** The portal itself, acting for the requester (the workflow's steps). */
    static Actor portal(StoredRequest r) {
        return new Actor(r.requester().tenant(), "portal", Set.of(), null);
    }

    /** Where a request's page is. */
    static String link(PeeringRequestId id) {
        return "/peerings/" + id;
    }

    /** E.g. {@code acme-prod (Acme) ↔ globex-core (Globex)}. */
    static String pair(StoredRequest r) {
        return r.requester().end().vpcLabel() + " (" + r.requester().end().tenantName() + ") ↔ "
                + r.accepter().end().vpcLabel() + " (" + r.accepter().end().tenantName() + ")";
    }

    /** A timeline event both parties see. */
    void record(Actor actor, StoredRequest r, String action, String summary) {
        var partner = actor.tenant().equals(r.requester().tenant()) ? r.accepter().tenant() : r.requester().tenant();
        audit.recordShared(actor, partner, action, OBJECT_TYPE, r.id(), summary);
    }

    /** Tells the member who filed the request. */
    void toRequester(StoredRequest r, String message) {
        notifications.notifyMember(r.requester().tenant(), r.createdBy(), message, link(r.id()));
    }

    /** Tells the accepter's members holding {@code role}. */
    void toAccepter(StoredRequest r, Role role, String message) {
        to(r, PeeringSide.ACCEPTER, role, message);
    }

    /** Tells the members holding {@code role} on {@code side}. */
    void to(StoredRequest r, PeeringSide side, Role role, String message) {
        notifications.notifyRole(r.party(side).tenant(), role, message, link(r.id()));
    }

    /** Tells the requester's filer and the accepter's approvers. */
    void toBoth(StoredRequest r, String message) {
        toRequester(r, message);
        toAccepter(r, Role.APPROVER, message);
    }

    void publish(Object event) {
        events.publishEvent(event);
    }
}

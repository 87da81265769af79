package io.peerdesk.domain.audit;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * The append-only audit log. Features record inside their own transaction, so a change and its
 * audit event are written together or not at all. An event recorded with a partner is visible to
 * both tenants (a shared object such as a contract); every other event only to the actor's tenant.
 */
@Service
public class AuditLog {

    private final AuditRepository events;
    private final Clock clock;

    AuditLog(AuditRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String objectType, Object objectId, String summary) {
        events.insert(clock.instant(), actor, null, action, objectType, objectId.toString(), summary);
    }

    /** Records an event on an object both tenants share: each of them sees it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordShared(Actor actor, TenantId partner, String action, String objectType, Object objectId, String summary) {
        events.insert(clock.instant(), actor, partner, action, objectType, objectId.toString(), summary);
    }

    /** The tenant's events (its own and those shared with it), newest first; {@code search} matches action, object or summary. */
    @Transactional(readOnly = true)
    public List<AuditEvent> forTenant(TenantId tenant, String search, int limit) {
        return events.findVisibleTo(tenant, search, Math.min(Math.max(limit, 1), 500));
    }

    /** The events on one object that the tenant may see, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> forObject(TenantId tenant, String objectType, Object objectId) {
        return events.findForObject(tenant, objectType, objectId.toString());
    }
}

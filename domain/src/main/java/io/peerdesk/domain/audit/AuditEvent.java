package io.peerdesk.domain.audit;

import java.time.Instant;

/** One recorded change: who did what to which object, when, from where, and which tenants see it. */
public record AuditEvent(long id, Instant occurredAt, String tenantName, String actor, String sourceAddress,
                         String action, String objectType, String objectId, String summary) {
}

package io.peerdesk.domain.tenancy;

import java.time.Instant;

/** A tenant as the platform operator lists them: who, since when, how many members (enabled) and admins. */
public record TenantSummary(Tenant tenant, Instant createdAt, int members, int admins) {
}

package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.support.TenantId;

/** A partner organisation. Its name and slug are public to the other tenants (to pick a partner). */
public record Tenant(TenantId id, String slug, String name) {
}

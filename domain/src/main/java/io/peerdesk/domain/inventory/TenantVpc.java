package io.peerdesk.domain.inventory;

import io.peerdesk.domain.support.TenantId;

/**
 * A VPC with the tenant that owns it, for features that act across a partnership (a peering
 * request checks the partner's VPC). Such a feature shows the other tenant only what the
 * partnership shares, never this whole record.
 */
public record TenantVpc(TenantId tenant, VpcDetail detail) {
}

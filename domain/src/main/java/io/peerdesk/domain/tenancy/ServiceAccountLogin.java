package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;

import java.util.Set;

/** What the token endpoint needs to authenticate an active service account. */
public record ServiceAccountLogin(String clientId, String secretHash, TenantId tenant, String tenantSlug, Set<Role> roles) {
}

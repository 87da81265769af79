package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;

import java.util.Set;

/** What sign-in needs to know about a member: the password hash, whether enabled, tenant and roles. */
public record Login(String username, String displayName, String email, String passwordHash, boolean enabled,
                    TenantId tenant, String tenantSlug, String tenantName, Set<Role> roles) {
}

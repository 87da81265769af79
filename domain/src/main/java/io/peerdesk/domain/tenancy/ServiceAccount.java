package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.support.Role;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API client of a tenant: it gets bearer tokens with client_credentials, scoped to its tenant and roles. */
public record ServiceAccount(UUID id, String clientId, String name, Set<Role> roles, Instant createdAt,
                             String createdBy, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}

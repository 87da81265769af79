package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.support.Role;

import java.util.Set;
import java.util.UUID;

/** A user of one tenant with roles. */
public record Member(UUID id, String username, String displayName, String email, Set<Role> roles, boolean enabled) {

    public Member {
        roles = Set.copyOf(roles);
    }
}

package io.peerdesk.domain.support;

import java.util.Objects;
import java.util.Set;

/**
 * Who is acting: a member or a service account of one tenant, with its roles and the address the
 * request came from. Application services take it as their first argument, scope every query to
 * {@link #tenant()} and record it in the audit log.
 */
public record Actor(TenantId tenant, String name, Set<Role> roles, String address) {

    public Actor {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Throws {@link NotPermitted} unless the actor holds one of the roles. */
    public void require(Role... anyOf) {
        for (Role role : anyOf) {
            if (roles.contains(role)) {
                return;
            }
        }
        throw new NotPermitted("this needs the role " + describe(anyOf));
    }

    private static String describe(Role... roles) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < roles.length; i++) {
            text.append(i == 0 ? "" : i == roles.length - 1 ? " or " : ", ").append(roles[i].label());
        }
        return text.toString();
    }
}

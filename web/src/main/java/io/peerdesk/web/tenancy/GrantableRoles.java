package io.peerdesk.web.tenancy;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;

import java.util.Arrays;
import java.util.List;

/** The roles a tenant admin can hand out on the forms: the platform operator role only by an operator. */
final class GrantableRoles {

    private GrantableRoles() {
    }

    static List<Role> by(Actor actor) {
        return Arrays.stream(Role.values())
                .filter(role -> role != Role.PLATFORM_ADMIN || actor.has(Role.PLATFORM_ADMIN))
                .toList();
    }

    /** What a service account may hold: any role of the tenant, never the platform operator's. */
    static List<Role> tenantRoles() {
        return Arrays.stream(Role.values()).filter(role -> role != Role.PLATFORM_ADMIN).toList();
    }
}

package io.peerdesk.web.support.demo;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;

import java.util.Map;
import java.util.Set;

/**
 * The demo tenants as seeds see them: Acme Networks, Globex Corporation and Initech, matching the
 * simulator's three demo accounts, and an actor per demo member to act as.
 */
public record DemoWorld(Map<String, TenantId> tenants, Map<String, DemoUser> users) {

    public static final String ACME = "acme";
    public static final String GLOBEX = "globex";
    public static final String INITECH = "initech";

    public record DemoUser(String username, String tenant, Set<Role> roles) {
    }

    public TenantId tenant(String slug) {
        return tenants.get(slug);
    }

    /** The demo member {@code username}, acting from the local machine. */
    public Actor as(String username) {
        DemoUser user = users.get(username);
        return new Actor(tenant(user.tenant()), username, user.roles(), "127.0.0.1");
    }
}

package io.peerdesk.web.support.security;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.domain.tenancy.Tenant;
import io.peerdesk.web.support.PortalProperties;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a signed-in user (OIDC login) or an API caller (bearer JWT) into an {@link Actor}: the
 * tenant named by the tenant claim, the roles named by the roles claim. The same mapping serves the
 * embedded identity provider and an external one.
 */
@Component
public class PortalIdentities implements GrantedAuthoritiesMapper {

    private final Tenancy tenancy;
    private final String tenantClaim;
    private final String rolesClaim;
    private final Map<String, Tenant> tenantsBySlug = new ConcurrentHashMap<>();

    PortalIdentities(Tenancy tenancy, PortalProperties portal) {
        this.tenancy = tenancy;
        this.tenantClaim = portal.identity().tenantClaim();
        this.rolesClaim = portal.identity().rolesClaim();
    }

    /** The actor behind an authentication, or empty when it names no known tenant. */
    public Optional<Actor> actorOf(Authentication authentication, String address) {
        Map<String, Object> claims = claimsOf(authentication);
        if (claims == null) {
            return Optional.empty();
        }
        return tenant(claims).map(tenant -> new Actor(tenant.id(), displayName(authentication, claims), roles(claims), address));
    }

    public Optional<Tenant> tenantOf(Authentication authentication) {
        Map<String, Object> claims = claimsOf(authentication);
        return claims == null ? Optional.empty() : tenant(claims);
    }

    /** OIDC login: the roles claim becomes ROLE_… authorities; a user of no known tenant cannot sign in. */
    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>();
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                Map<String, Object> claims = oidc.getAttributes();
                if (tenant(claims).isEmpty()) {
                    throw new InsufficientAuthenticationException("your account belongs to no PeerDesk tenant");
                }
                roles(claims).forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
            }
        }
        return mapped;
    }

    public String rolesClaim() {
        return rolesClaim;
    }

    private Optional<Tenant> tenant(Map<String, Object> claims) {
        Object slug = claims.get(tenantClaim);
        if (!(slug instanceof String s) || s.isBlank()) {
            return Optional.empty();
        }
        Tenant cached = tenantsBySlug.get(s);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Tenant> found = tenancy.findBySlug(s);
        found.ifPresent(t -> tenantsBySlug.put(s, t));
        return found;
    }

    private Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claims.get(rolesClaim) instanceof Collection<?> names) {
            for (Object name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(String.valueOf(name))) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    private static Map<String, Object> claimsOf(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return user.getClaims();
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getTokenAttributes();
        }
        return null;
    }

    private static String displayName(Authentication authentication, Map<String, Object> claims) {
        Object preferred = claims.get("preferred_username");
        return preferred instanceof String s && !s.isBlank() ? s : authentication.getName();
    }

}

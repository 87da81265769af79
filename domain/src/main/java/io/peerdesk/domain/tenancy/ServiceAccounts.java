package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** API clients of a tenant (OAuth2 client_credentials). Only tenant admins create and revoke them. */
@Service
public class ServiceAccounts {

    private static final Set<Role> GRANTABLE = EnumSet.complementOf(EnumSet.of(Role.PLATFORM_ADMIN));

    private final ServiceAccountRepository accounts;
    private final TenantRepository tenants;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ServiceAccounts(ServiceAccountRepository accounts, TenantRepository tenants, PasswordEncoder passwords,
                    AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ServiceAccount> list(Actor actor) {
        actor.require(Role.TENANT_ADMIN);
        return accounts.findAll(actor.tenant());
    }

    @Transactional
    public IssuedCredentials create(Actor actor, String name, Set<Role> roles) {
        actor.require(Role.TENANT_ADMIN);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInput("name", "give the service account a name of at most 200 characters");
        }
        if (roles.isEmpty() || !GRANTABLE.containsAll(roles)) {
            throw new InvalidInput("roles", "choose one or more tenant roles");
        }
        String slug = tenants.find(actor.tenant()).orElseThrow(() -> new NotFound("Tenant", actor.tenant())).slug();
        String clientId = slug + "-" + token(6).toLowerCase().replaceAll("[^a-z0-9]", "x");
        String secret = token(32);
        ServiceAccount account = new ServiceAccount(UUID.randomUUID(), clientId, name.strip(), roles,
                clock.instant(), actor.name(), null);
        accounts.insert(actor.tenant(), account, passwords.encode(secret));
        audit.record(actor, "service-account.created", "service-account", account.id(), clientId + " with roles " + roles);
        return new IssuedCredentials(account, secret);
    }

    /** Revokes the account (no more tokens from now on); revoking a revoked account changes nothing. */
    @Transactional
    public ServiceAccount revoke(Actor actor, UUID id) {
        actor.require(Role.TENANT_ADMIN);
        ServiceAccount account = accounts.find(actor.tenant(), id).orElseThrow(() -> new NotFound("Service account", id));
        if (accounts.revoke(actor.tenant(), id, clock.instant())) {
            audit.record(actor, "service-account.revoked", "service-account", id, account.clientId());
        }
        return accounts.find(actor.tenant(), id).orElseThrow();
    }

    /** Demo data: a service account with a known secret. */
    @Transactional
    public void seed(io.peerdesk.domain.support.TenantId tenant, String clientId, String name, Set<Role> roles, String secretHash) {
        accounts.insert(tenant, new ServiceAccount(UUID.randomUUID(), clientId, name, roles, clock.instant(), "demo-data", null), secretHash);
    }

    /** Whether {@code clientId} names a service account that was revoked (its tokens must stop working). */
    @Transactional(readOnly = true)
    public boolean revoked(String clientId) {
        return clientId != null && accounts.isRevoked(clientId);
    }

    @Transactional(readOnly = true)
    public Optional<ServiceAccountLogin> findActiveLogin(String clientId) {
        return accounts.findActiveLogin(clientId);
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

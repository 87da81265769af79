package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.NotPermitted;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.domain.support.Validation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Tenants, their members and roles. Member management is for the tenant's admins, in their own tenant only. */
@Service
public class Tenancy {

    private final TenantRepository tenants;
    private final MemberRepository members;
    private final PasswordEncoder passwords;
    private final Validation validation;
    private final AuditLog audit;
    private final Clock clock;

    Tenancy(TenantRepository tenants, MemberRepository members, PasswordEncoder passwords, Validation validation,
            AuditLog audit, Clock clock) {
        this.tenants = tenants;
        this.members = members;
        this.passwords = passwords;
        this.validation = validation;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Login> findLogin(String username) {
        return members.findLogin(username);
    }

    @Transactional(readOnly = true)
    public Tenant tenant(TenantId id) {
        return tenants.find(id).orElseThrow(() -> new NotFound("Tenant", id));
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> findBySlug(String slug) {
        return tenants.findBySlug(slug);
    }

    /** Every tenant but the caller's: the organisations it may propose a contract to. */
    @Transactional(readOnly = true)
    public List<Tenant> otherTenants(TenantId self) {
        return tenants.findAll().stream().filter(t -> !t.id().equals(self)).toList();
    }

    @Transactional
    public Tenant createTenant(String slug, String name) {
        return tenants.insert(slug, name, clock.instant());
    }

    /** Every tenant of the portal, for its platform operators. */
    @Transactional(readOnly = true)
    public List<TenantSummary> tenants(Actor operator) {
        operator.require(Role.PLATFORM_ADMIN);
        return tenants.summaries();
    }

    /**
     * A platform operator brings a partner organisation onto the portal with its first tenant admin,
     * who can sign in at once and adds everyone else. Every broken rule comes back at once, by field
     * ({@code slug}, {@code name}, {@code admin.username} …); nothing is created then.
     */
    @Transactional
    public Tenant onboard(Actor operator, NewTenant tenant) {
        operator.require(Role.PLATFORM_ADMIN);
        validation.check(tenant);
        if (!tenant.admin().roles().contains(Role.TENANT_ADMIN)) {
            throw new InvalidInput("admin.roles", "the first member must be a tenant admin");
        }
        checkGrantable(operator, tenant.admin().roles());
        Map<String, String> inUse = new LinkedHashMap<>();
        if (tenants.findBySlug(tenant.slug()).isPresent()) {
            inUse.put("slug", "the slug " + tenant.slug() + " is already taken");
        }
        if (members.usernameTaken(tenant.admin().username())) {
            inUse.put("admin.username", taken(tenant.admin().username()));
        }
        if (!inUse.isEmpty()) {
            throw new InvalidInput(inUse);
        }
        Tenant created = tenants.insert(tenant.slug(), tenant.name().strip(), clock.instant());
        members.insert(created.id(), tenant.admin(), passwords.encode(tenant.admin().password()), clock.instant());
        audit.recordShared(operator, created.id(), "tenant.onboarded", "tenant", created.id().value(), created.name()
                + " (" + created.slug() + ") onboarded by " + operator.name() + " with tenant admin "
                + tenant.admin().username());
        return created;
    }

    /**
     * The first start of an empty portal without demo data: the operators' tenant and its first
     * platform operator, so that someone can sign in and onboard the partners. Does nothing (and
     * answers false) once any tenant exists.
     */
    @Transactional
    public boolean bootstrapOperator(String slug, String name, NewMember operator) {
        if (!tenants.findAll().isEmpty()) {
            return false;
        }
        validation.check(operator);
        Tenant ops = tenants.insert(slug, name, clock.instant());
        members.insert(ops.id(), operator, passwords.encode(operator.password()), clock.instant());
        return true;
    }

    @Transactional(readOnly = true)
    public List<Member> members(Actor actor) {
        actor.require(Role.TENANT_ADMIN);
        return members.findAll(actor.tenant());
    }

    @Transactional(readOnly = true)
    public Member member(Actor actor, UUID id) {
        actor.require(Role.TENANT_ADMIN);
        return members.find(actor.tenant(), id).orElseThrow(() -> new NotFound("Member", id));
    }

    @Transactional
    public Member addMember(Actor actor, NewMember member) {
        actor.require(Role.TENANT_ADMIN);
        validation.check(member);
        checkGrantable(actor, member.roles());
        if (members.usernameTaken(member.username())) {
            throw new InvalidInput("username", taken(member.username()));
        }
        UUID id = members.insert(actor.tenant(), member, passwords.encode(member.password()), clock.instant());
        audit.record(actor, "member.added", "member", id, member.username() + " added with roles " + member.roles());
        return member(actor, id);
    }

    @Transactional
    public Member changeRoles(Actor actor, UUID id, Set<Role> roles) {
        Member member = member(actor, id);
        if (roles.isEmpty()) {
            throw new InvalidInput("roles", "choose at least one role");
        }
        checkGrantable(actor, roles);
        if (member.roles().contains(Role.TENANT_ADMIN) && !roles.contains(Role.TENANT_ADMIN)) {
            keepOneAdmin(actor);
        }
        members.replaceRoles(id, roles);
        audit.record(actor, "member.roles-changed", "member", id, member.username() + ": " + member.roles() + " → " + roles);
        return member(actor, id);
    }

    @Transactional
    public Member setEnabled(Actor actor, UUID id, boolean enabled) {
        Member member = member(actor, id);
        if (!enabled && member.enabled() && member.roles().contains(Role.TENANT_ADMIN)) {
            keepOneAdmin(actor);
        }
        members.setEnabled(id, enabled);
        audit.record(actor, enabled ? "member.enabled" : "member.disabled", "member", id, member.username());
        return member(actor, id);
    }

    /** Demo data and first start: a member created without an acting admin. */
    @Transactional
    public UUID seedMember(TenantId tenant, NewMember member, String passwordHash) {
        return members.insert(tenant, member, passwordHash, clock.instant());
    }

    private static String taken(String username) {
        return "the user name " + username + " is already taken";
    }

    private void keepOneAdmin(Actor actor) {
        if (members.countEnabledWithRole(actor.tenant(), Role.TENANT_ADMIN) <= 1) {
            throw new Conflict("a tenant keeps at least one enabled tenant admin");
        }
    }

    private static void checkGrantable(Actor actor, Set<Role> roles) {
        if (roles.contains(Role.PLATFORM_ADMIN) && !actor.has(Role.PLATFORM_ADMIN)) {
            throw new NotPermitted("only a platform operator may grant the Platform operator role");
        }
    }
}

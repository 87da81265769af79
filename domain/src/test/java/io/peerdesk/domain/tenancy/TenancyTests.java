package io.peerdesk.domain.tenancy;

import io.peerdesk.domaintest.DomainTestApplication;
import io.peerdesk.domain.audit.AuditEvent;
import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.NotPermitted;
import io.peerdesk.domain.support.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = DomainTestApplication.class)
@Transactional
class TenancyTests {

    @Autowired Tenancy tenancy;
    @Autowired ServiceAccounts serviceAccounts;
    @Autowired AuditLog audit;
    @Autowired PasswordEncoder passwords;

    Tenant acme;
    Tenant globex;
    Actor acmeAdmin;
    Actor globexAdmin;

    @BeforeEach
    void tenants() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        acme = tenancy.createTenant("acme-" + run, "Acme " + run);
        globex = tenancy.createTenant("globex-" + run, "Globex " + run);
        acmeAdmin = new Actor(acme.id(), "ada-" + run, Set.of(Role.TENANT_ADMIN), "10.0.0.1");
        globexAdmin = new Actor(globex.id(), "greta-" + run, Set.of(Role.TENANT_ADMIN), "10.0.0.2");
        tenancy.seedMember(acme.id(), member("ada-" + run, Role.TENANT_ADMIN), passwords.encode("x"));
    }

    @Test
    void adminAddsMemberWithHashedPasswordAndAuditEvent() {
        Member bob = tenancy.addMember(acmeAdmin, member("bob-" + acme.slug(), Role.REQUESTER, Role.VIEWER));

        assertThat(bob.roles()).containsExactlyInAnyOrder(Role.REQUESTER, Role.VIEWER);
        Login login = tenancy.findLogin(bob.username()).orElseThrow();
        assertThat(login.tenant()).isEqualTo(acme.id());
        assertThat(passwords.matches("correct horse battery", login.passwordHash())).isTrue();
        assertThat(audit.forObject(acme.id(), "member", bob.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo("member.added");
                    assertThat(e.actor()).isEqualTo(acmeAdmin.name());
                    assertThat(e.sourceAddress()).isEqualTo("10.0.0.1");
                });
    }

    @Test
    void anotherTenantsMemberIsNotFound() {
        Member bob = tenancy.addMember(acmeAdmin, member("bob-" + acme.slug(), Role.REQUESTER));

        assertThatThrownBy(() -> tenancy.member(globexAdmin, bob.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> tenancy.changeRoles(globexAdmin, bob.id(), Set.of(Role.VIEWER))).isInstanceOf(NotFound.class);
        assertThat(tenancy.members(globexAdmin)).extracting(Member::username).doesNotContain(bob.username());
        assertThat(audit.forTenant(globex.id(), null, 50)).isEmpty();
    }

    @Test
    void refusesDuplicateUsernameAndInvalidInputWithoutWriting() {
        tenancy.addMember(acmeAdmin, member("bob-" + acme.slug(), Role.REQUESTER));

        assertThatThrownBy(() -> tenancy.addMember(acmeAdmin, member("bob-" + acme.slug(), Role.VIEWER)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("already taken");
        assertThatThrownBy(() -> tenancy.addMember(acmeAdmin,
                new NewMember("X", "", "not-an-email", "short", EnumSet.noneOf(Role.class))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("username", "displayName", "email", "password", "roles"));
        assertThat(tenancy.members(acmeAdmin)).hasSize(2);
    }

    @Test
    void onlyTenantAdminsManageMembersAndTheLastAdminStays() {
        Actor requester = new Actor(acme.id(), "alice", Set.of(Role.REQUESTER), null);
        assertThatThrownBy(() -> tenancy.members(requester)).isInstanceOf(NotPermitted.class);

        Member ada = tenancy.members(acmeAdmin).get(0);
        assertThatThrownBy(() -> tenancy.changeRoles(acmeAdmin, ada.id(), Set.of(Role.VIEWER)))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> tenancy.setEnabled(acmeAdmin, ada.id(), false)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> tenancy.addMember(acmeAdmin, member("eve-" + acme.slug(), Role.PLATFORM_ADMIN)))
                .isInstanceOf(NotPermitted.class);
    }

    @Test
    void serviceAccountSecretIsShownOnceAndRevocationStopsLogin() {
        IssuedCredentials issued = serviceAccounts.create(acmeAdmin, "CI pipeline", Set.of(Role.REQUESTER));

        ServiceAccountLogin login = serviceAccounts.findActiveLogin(issued.account().clientId()).orElseThrow();
        assertThat(login.tenant()).isEqualTo(acme.id());
        assertThat(login.secretHash()).isNotEqualTo(issued.clientSecret());
        assertThat(passwords.matches(issued.clientSecret(), login.secretHash())).isTrue();

        assertThatThrownBy(() -> serviceAccounts.revoke(globexAdmin, issued.account().id())).isInstanceOf(NotFound.class);
        ServiceAccount revoked = serviceAccounts.revoke(acmeAdmin, issued.account().id());
        assertThat(revoked.active()).isFalse();
        assertThat(serviceAccounts.findActiveLogin(issued.account().clientId())).isEmpty();

        assertThat(serviceAccounts.revoke(acmeAdmin, issued.account().id()).revokedAt()).isEqualTo(revoked.revokedAt());
        assertThat(audit.forObject(acme.id(), "service-account", issued.account().id()))
                .extracting(AuditEvent::action).containsExactlyInAnyOrder("service-account.created", "service-account.revoked");
    }

    @Test
    void anOperatorOnboardsAnOrganisationWhoseFirstAdminCanSignInAndBothSeeTheEvent() {
        Actor operator = new Actor(globex.id(), "olivia-" + globex.slug(), Set.of(Role.PLATFORM_ADMIN), "10.0.0.9");
        String slug = "umbrella-" + acme.slug().substring(5);

        Tenant umbrella = tenancy.onboard(operator, new NewTenant(slug, " Umbrella Corp ", member("uma-" + slug, Role.TENANT_ADMIN)));

        assertThat(umbrella.name()).isEqualTo("Umbrella Corp");
        Login uma = tenancy.findLogin("uma-" + slug).orElseThrow();
        assertThat(uma.tenant()).isEqualTo(umbrella.id());
        assertThat(uma.roles()).containsExactly(Role.TENANT_ADMIN);
        assertThat(tenancy.tenants(operator)).anySatisfy(t -> {
            assertThat(t.tenant()).isEqualTo(umbrella);
            assertThat(t.members()).isEqualTo(1);
            assertThat(t.admins()).isEqualTo(1);
        });
        assertThat(audit.forObject(umbrella.id(), "tenant", umbrella.id().value())).as("the new tenant sees who onboarded it")
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("onboarded by " + operator.name()));
    }

    @Test
    void onboardingIsTheOperatorsAndRefusesTakenNamesAllAtOnceCreatingNothing() {
        Actor operator = new Actor(globex.id(), "olivia-" + globex.slug(), Set.of(Role.PLATFORM_ADMIN), "10.0.0.9");
        NewTenant taken = new NewTenant(acme.slug(), "Another Acme", member(acmeAdmin.name(), Role.TENANT_ADMIN));
        int before = tenancy.tenants(operator).size();

        assertThatThrownBy(() -> tenancy.onboard(acmeAdmin, new NewTenant("fresh-" + acme.slug(), "Fresh",
                member("fred-" + acme.slug(), Role.TENANT_ADMIN)))).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> tenancy.tenants(acmeAdmin)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> tenancy.onboard(operator, taken)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.fieldErrors()).containsOnlyKeys("slug", "admin.username"));
        assertThatThrownBy(() -> tenancy.onboard(operator, new NewTenant("Bad Slug!", "", member("x", Role.TENANT_ADMIN))))
                .isInstanceOfSatisfying(InvalidInput.class, e ->
                        assertThat(e.fieldErrors()).containsKeys("slug", "name", "admin.username"));
        assertThatThrownBy(() -> tenancy.onboard(operator, new NewTenant("viewers-" + acme.slug(), "Viewers",
                member("vic-" + acme.slug(), Role.VIEWER)))).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.fieldErrors()).containsOnlyKeys("admin.roles"));
        assertThat(tenancy.tenants(operator)).hasSize(before);
    }

    @Test
    void theFirstOperatorIsCreatedOnlyInAnEmptyPortal() {
        assertThat(tenancy.bootstrapOperator("ops", "Operations", member("first-operator", Role.PLATFORM_ADMIN)))
                .as("tenants exist already").isFalse();
        assertThat(tenancy.findLogin("first-operator")).isEmpty();
    }

    private static NewMember member(String username, Role... roles) {
        return new NewMember(username, "Name of " + username, username + "@example.com", "correct horse battery",
                EnumSet.of(roles[0], roles));
    }
}

package io.peerdesk.domain.contact;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.contract.Contract;
import io.peerdesk.domain.contract.ContractTestData;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.NotPermitted;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TestClock;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.domain.tenancy.Tenant;
import io.peerdesk.domaintest.DomainTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = DomainTestApplication.class)
@Transactional
class ContactTests {

    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @Autowired Contacts contacts;
    @Autowired Contracts contracts;
    @Autowired Tenancy tenancy;
    @Autowired AuditLog audit;
    @Autowired TestClock clock;

    Tenant acme;
    Tenant globex;
    Tenant initech;
    Actor ada;
    Actor anton;
    Actor greta;
    Actor gus;
    Actor ivan;

    @BeforeEach
    void tenants() {
        clock.set(NOW);
        String run = UUID.randomUUID().toString().substring(0, 8);
        acme = tenancy.createTenant("acme-" + run, "Acme " + run);
        globex = tenancy.createTenant("globex-" + run, "Globex " + run);
        initech = tenancy.createTenant("initech-" + run, "Initech " + run);
        ada = new Actor(acme.id(), "ada", Set.of(Role.TENANT_ADMIN), "192.0.2.1");
        anton = new Actor(acme.id(), "anton", Set.of(Role.NETWORK_ADMIN), "192.0.2.2");
        greta = new Actor(globex.id(), "greta", Set.of(Role.TENANT_ADMIN), "198.51.100.1");
        gus = new Actor(globex.id(), "gus", Set.of(Role.NETWORK_ADMIN), "198.51.100.2");
        ivan = new Actor(initech.id(), "ivan", Set.of(Role.NETWORK_ADMIN), "203.0.113.1");
    }

    @AfterEach
    void resetClock() {
        clock.set(NOW);
    }

    @Test
    void networkAdminAddsAContactWithTidiedChannelsAndAnAuditEvent() {
        Contact noc = contacts.add(anton, details("Acme NOC", ContactRole.NOC, 1, Visibility.PARTNERS, "+49 (30) 123-4567"));

        assertThat(noc.phone()).isEqualTo("+49301234567");
        assertThat(noc.email()).isEqualTo("acme-noc@example.com");
        assertThat(noc.chatUrl()).isNull();
        assertThat(contacts.list(new Actor(acme.id(), "avery", Set.of(Role.VIEWER), null)))
                .extracting(Contact::name).containsExactly("Acme NOC");
        assertThat(audit.forObject(acme.id(), "contact", noc.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("contact.added");
            assertThat(e.actor()).isEqualTo("anton");
            assertThat(e.sourceAddress()).isEqualTo("192.0.2.2");
        });
    }

    @Test
    void refusesBadDetailsFieldByFieldAndStoresNothing() {
        ContactDetails noChannel = new ContactDetails("Nobody", ContactKind.PERSON, ContactRole.NOC, 1, " ", null, "",
                "Europe/Berlin", Visibility.PARTNERS, null);
        ContactDetails allWrong = new ContactDetails("x".repeat(201), ContactKind.TEAM, ContactRole.SECURITY, 4,
                "not-an-address", "030 1234567", "http://chat.example.com/hook", "Mars/Olympus", Visibility.INTERNAL, null);
        ContactDetails missing = new ContactDetails(null, null, null, null, "a@example.com", null, null, null, null, null);

        assertThatThrownBy(() -> contacts.add(ada, noChannel)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("channels"));
        assertThatThrownBy(() -> contacts.add(ada, allWrong)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.fieldErrors()).containsOnlyKeys("name", "tier", "email", "phone", "chatUrl", "timeZone");
            assertThat(e.fieldErrors().get("chatUrl")).contains("https");
        });
        assertThatThrownBy(() -> contacts.add(ada, missing)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("name", "kind", "role", "tier", "timeZone", "visibility"));
        assertThat(contacts.list(ada)).isEmpty();
        assertThat(audit.forTenant(acme.id(), null, 10)).isEmpty();
    }

    @Test
    void acceptsHttpsAndLocalHttpWebhooks() {
        ContactDetails https = new ContactDetails("Chat", ContactKind.TEAM, ContactRole.NOC, 1, null, null,
                "https://chat.example.com/hooks/noc", "UTC", Visibility.INTERNAL, null);
        ContactDetails local = new ContactDetails("Local", ContactKind.TEAM, ContactRole.NOC, 1, null, null,
                "http://localhost:9000/hook", "America/New_York", Visibility.INTERNAL, null);

        assertThat(contacts.add(ada, https).chatUrl()).isEqualTo("https://chat.example.com/hooks/noc");
        assertThat(contacts.add(ada, local).timeZone()).isEqualTo("America/New_York");
    }

    @Test
    void onlyNetworkAndTenantAdminsManageContacts() {
        Actor viewer = new Actor(acme.id(), "avery", Set.of(Role.VIEWER, Role.REQUESTER), null);
        Contact noc = contacts.add(ada, details("Acme NOC", ContactRole.NOC, 1, Visibility.PARTNERS, null));

        assertThatThrownBy(() -> contacts.add(viewer, details("X", ContactRole.NOC, 1, Visibility.INTERNAL, null)))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> contacts.remove(viewer, noc.id())).isInstanceOf(NotPermitted.class);
        assertThat(contacts.get(viewer, noc.id()).name()).isEqualTo("Acme NOC");
    }

    @Test
    void anotherTenantsContactIsNotFound() {
        Contact noc = contacts.add(ada, details("Acme NOC", ContactRole.NOC, 1, Visibility.PARTNERS, null));

        assertThatThrownBy(() -> contacts.get(gus, noc.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> contacts.change(gus, noc.id(), details("Mine", ContactRole.NOC, 1, Visibility.INTERNAL, null)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> contacts.remove(gus, noc.id())).isInstanceOf(NotFound.class);
        assertThat(contacts.get(ada, noc.id()).name()).isEqualTo("Acme NOC");
        assertThatThrownBy(() -> ContactId.parse("42")).isInstanceOf(NotFound.class);
    }

    @Test
    void changeRecordsWhatChanged() {
        Contact noc = contacts.add(ada, details("Acme NOC", ContactRole.NOC, 1, Visibility.INTERNAL, null));

        Contact changed = contacts.change(anton, noc.id(), details("Acme NOC 24/7", ContactRole.NOC, 2, Visibility.INTERNAL, null));

        assertThat(changed.name()).isEqualTo("Acme NOC 24/7");
        assertThat(changed.tier()).isEqualTo(2);
        assertThat(audit.forObject(acme.id(), "contact", noc.id()).get(0).summary())
                .contains("name Acme NOC → Acme NOC 24/7").contains("tier 1 → 2");
    }

    @Test
    void theLastPartnerVisibleNocOrTechnicalContactStaysWhileAContractIsActive() {
        Contact noc = contacts.add(ada, details("Acme NOC", ContactRole.NOC, 1, Visibility.PARTNERS, null));
        Contact tech = contacts.add(ada, details("Acme Network Engineering", ContactRole.TECHNICAL, 2, Visibility.PARTNERS, null));
        Contact internalNoc = contacts.add(ada, details("Acme NOC (internal)", ContactRole.NOC, 2, Visibility.INTERNAL, null));
        Contract proposed = contracts.propose(ada, ContractTestData.proposal(globex.id(), contracts.today()));
        contacts.change(ada, noc.id(), details("Acme NOC", ContactRole.NOC, 1, Visibility.PARTNERS, null));
        contracts.accept(greta, proposed.id());

        assertThatThrownBy(() -> contacts.remove(anton, noc.id())).isInstanceOf(Conflict.class)
                .hasMessageContaining("last NOC contact").hasMessageContaining(globex.name());
        assertThatThrownBy(() -> contacts.change(anton, noc.id(), details("Acme NOC", ContactRole.NOC, 1, Visibility.INTERNAL, null)))
                .isInstanceOf(Conflict.class).hasMessageContaining("make internal");
        assertThatThrownBy(() -> contacts.change(anton, tech.id(),
                details("Acme Network Engineering", ContactRole.POLICY, 2, Visibility.PARTNERS, null)))
                .isInstanceOf(Conflict.class).hasMessageContaining("last Technical contact");
        contacts.change(anton, noc.id(), details("Acme NOC", ContactRole.NOC, 3, Visibility.PARTNERS, null));
        contacts.remove(anton, internalNoc.id());

        Contact second = contacts.add(anton, details("Acme NOC Berlin", ContactRole.NOC, 2, Visibility.PARTNERS, null));
        contacts.remove(anton, noc.id());
        assertThat(contacts.list(ada)).extracting(Contact::id).containsExactlyInAnyOrder(tech.id(), second.id());

        contracts.suspend(greta, proposed.id(), "pause");
        contacts.remove(anton, second.id());
        assertThat(contacts.list(ada)).extracting(Contact::id).containsExactly(tech.id());
    }

    @Test
    void partnersSeeOnlySharedRolesOfPartnerVisibleContactsWhileTheContractIsActive() {
        contacts.add(gus, details("Globex NOC", ContactRole.NOC, 1, Visibility.PARTNERS, null));
        contacts.add(gus, details("Globex NOC internal", ContactRole.NOC, 2, Visibility.INTERNAL, null));
        contacts.add(gus, details("Globex Security", ContactRole.SECURITY, 1, Visibility.PARTNERS, null));
        contacts.add(gus, details("Globex Engineering", ContactRole.TECHNICAL, 2, Visibility.PARTNERS, null));
        contacts.add(ada, details("Acme NOC", ContactRole.NOC, 1, Visibility.PARTNERS, null));
        Contract proposed = contracts.propose(ada, ContractTestData.withDates(
                ContractTestData.proposal(globex.id(), contracts.today()), contracts.today(), contracts.today().plusDays(10)));
        assertThat(contacts.partnerContacts(ada)).isEmpty();

        contracts.accept(greta, proposed.id());

        assertThat(contacts.partnerContacts(ada)).singleElement().satisfies(p -> {
            assertThat(p.partner().id()).isEqualTo(globex.id());
            assertThat(p.contacts()).extracting(Contact::name).containsExactly("Globex NOC", "Globex Engineering");
        });
        assertThat(contacts.partnerContacts(greta)).singleElement()
                .satisfies(p -> assertThat(p.contacts()).extracting(Contact::name).containsExactly("Acme NOC"));
        assertThat(contacts.partnerContacts(ivan)).isEmpty();

        contracts.suspend(ada, proposed.id(), "pause");
        assertThat(contacts.partnerContacts(ada)).isEmpty();
        contracts.resume(ada, proposed.id(), null);
        assertThat(contacts.partnerContacts(ada)).hasSize(1);
        clock.advance(Duration.ofDays(11));
        assertThat(contacts.partnerContacts(ada)).isEmpty();
    }

    private ContactDetails details(String name, ContactRole role, int tier, Visibility visibility, String phone) {
        String email = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "") + "@example.com";
        return new ContactDetails(name, ContactKind.TEAM, role, tier, email, phone, null, "Europe/Berlin", visibility, null);
    }
}

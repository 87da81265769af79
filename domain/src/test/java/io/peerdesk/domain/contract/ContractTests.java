package io.peerdesk.domain.contract;

import io.peerdesk.domain.audit.AuditEvent;
import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.NotPermitted;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.peerdesk.domain.contract.ContractTestData.proposal;
import static io.peerdesk.domain.contract.ContractTestData.sharing;
import static io.peerdesk.domain.contract.ContractTestData.withDates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = DomainTestApplication.class)
@Transactional
class ContractTests {

    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-30");

    @Autowired Contracts contracts;
    @Autowired Tenancy tenancy;
    @Autowired AuditLog audit;
    @Autowired TestClock clock;

    Tenant acme;
    Tenant globex;
    Tenant initech;
    Actor ada;
    Actor greta;
    Actor iris;

    @BeforeEach
    void tenants() {
        clock.set(NOW);
        String run = UUID.randomUUID().toString().substring(0, 8);
        acme = tenancy.createTenant("acme-" + run, "Acme " + run);
        globex = tenancy.createTenant("globex-" + run, "Globex " + run);
        initech = tenancy.createTenant("initech-" + run, "Initech " + run);
        ada = admin(acme, "ada");
        greta = admin(globex, "greta");
        iris = admin(initech, "iris");
    }

    @AfterEach
    void resetClock() {
        clock.set(NOW);
    }

    @Test
    void proposalIsSeenByBothPartiesWithOneSharedAuditEvent() {
        Contract proposed = contracts.propose(ada, proposal(globex.id(), TODAY));

        assertThat(proposed.state()).isEqualTo(ContractState.PROPOSED);
        assertThat(proposed.proposer().name()).isEqualTo(acme.name());
        assertThat(proposed.partner().name()).isEqualTo(globex.name());
        assertThat(proposed.proposedBy()).isEqualTo("ada");
        ContractTerms terms = contracts.get(greta, proposed.id()).terms();
        assertThat(terms.regions()).containsExactly("eu-west-1", "us-east-1");
        assertThat(terms.proposerPrefixes()).extracting(Prefix::toString).containsExactly("10.10.0.0/16");
        assertThat(terms.partnerPrefixes()).extracting(Prefix::toString).containsExactly("10.20.0.0/16", "10.21.0.0/16");
        assertThat(terms.ports()).extracting(PortRule::toString).containsExactly("tcp 443", "udp 161");
        assertThat(terms.sloAvailability()).isEqualByComparingTo("99.9");
        assertThat(terms.availabilityText()).isEqualTo("99.9");
        assertThat(terms.sharedContactRoles()).containsExactlyInAnyOrder(ContactRole.NOC, ContactRole.TECHNICAL);
        assertThat(contracts.list(greta, null)).extracting(Contract::id).containsExactly(proposed.id());
        for (Actor party : List.of(ada, greta)) {
            assertThat(audit.forObject(party.tenant(), "contract", proposed.id()))
                    .singleElement().satisfies(e -> {
                        assertThat(e.action()).isEqualTo("contract.proposed");
                        assertThat(e.actor()).isEqualTo("ada");
                        assertThat(e.tenantName()).isEqualTo(acme.name());
                        assertThat(e.sourceAddress()).isEqualTo("192.0.2.1");
                    });
        }
    }

    @Test
    void refusesBadTermsFieldByFieldAndStoresNothing() {
        ContractProposal bad = new ContractProposal(globex.id(), "x".repeat(201), TODAY.plusDays(10), TODAY.plusDays(5),
                List.of("us-east-1", "mars-north-1"), List.of("10.0.0.1/16"), List.of("10.20.0.0/16", "10.0.0.300/24"),
                List.of("tcp 443", "tcp 70000"), false, new BigDecimal("99.9999"), 0, 51, 400, " ", Set.of());

        assertThatThrownBy(() -> contracts.propose(ada, bad))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("title", "validUntil", "regions", "proposerPrefixes",
                            "partnerPrefixes", "ports", "sloAvailability", "sloLatencyMs", "maxPeerings",
                            "maintenanceNoticeDays", "maintenanceWindow");
                    assertThat(e.fieldErrors().get("proposerPrefixes")).contains("host bits").contains("10.0.0.0/16");
                    assertThat(e.fieldErrors().get("partnerPrefixes")).contains("10.0.0.300/24");
                    assertThat(e.fieldErrors().get("regions")).contains("mars-north-1");
                    assertThat(e.fieldErrors().get("validUntil")).contains("before");
                    assertThat(e.fieldErrors().get("ports")).contains("65535");
                });
        assertThat(contracts.list(ada, null)).isEmpty();
        assertThat(contracts.list(greta, null)).isEmpty();
        assertThat(audit.forTenant(acme.id(), null, 10)).isEmpty();
    }

    @Test
    void refusesPartnersThatAreNotAnotherExistingTenantAndPastEndDates() {
        ContractProposal toSelf = proposal(acme.id(), TODAY);
        ContractProposal toNobody = proposal(new TenantId(UUID.randomUUID()), TODAY);
        ContractProposal ended = withDates(proposal(globex.id(), TODAY), TODAY.minusDays(30), TODAY);

        assertThatThrownBy(() -> contracts.propose(ada, toSelf)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("partner"));
        assertThatThrownBy(() -> contracts.propose(ada, toNobody)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("partner"));
        assertThatThrownBy(() -> contracts.propose(ada, ended)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fieldErrors().get("validUntil")).contains("future"));
        assertThat(contracts.list(ada, null)).isEmpty();
    }

    @Test
    void refusesPrefixesOfTheTwoSidesThatOverlapAndKeepsCanonicalIpv6() {
        ContractProposal overlapping = new ContractProposal(globex.id(), "t", TODAY, TODAY.plusDays(90), List.of("us-east-1"),
                List.of("10.0.0.0/8"), List.of("10.20.0.0/16"), List.of("all"), true, BigDecimal.TEN, 5, 1, 0, "any", Set.of());
        ContractProposal ipv6 = new ContractProposal(globex.id(), "v6", TODAY, TODAY.plusDays(90), List.of("US-EAST-1", "us-east-1"),
                List.of("2001:DB8:0:0::/48", "2001:db8::/48"), List.of("2001:db8:1::/48"), List.of("icmp", "tcp 22"),
                true, new BigDecimal("100"), 5, 1, 0, "any", Set.of());

        assertThatThrownBy(() -> contracts.propose(ada, overlapping)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fieldErrors().get("partnerPrefixes")).contains("overlaps").contains("10.0.0.0/8"));
        ContractTerms terms = contracts.propose(ada, ipv6).terms();
        assertThat(terms.regions()).containsExactly("us-east-1");
        assertThat(terms.proposerPrefixes()).extracting(Prefix::toString).containsExactly("2001:db8::/48");
        assertThat(terms.sloAvailability()).isEqualByComparingTo("100");
    }

    @Test
    void onlyTenantAdminsPropose() {
        Actor anton = new Actor(acme.id(), "anton", Set.of(Role.NETWORK_ADMIN), null);

        assertThatThrownBy(() -> contracts.propose(anton, proposal(globex.id(), TODAY))).isInstanceOf(NotPermitted.class);
        assertThat(contracts.list(anton, null)).isEmpty();
    }

    @Test
    void onlyThePartnersAdminAcceptsAndOnlyOnce() {
        Contract proposed = contracts.propose(ada, proposal(globex.id(), TODAY));
        Actor george = new Actor(globex.id(), "george", Set.of(Role.APPROVER), null);

        assertThat(proposed.actionsFor(ada)).containsExactly(ContractAction.WITHDRAW);
        assertThat(contracts.get(greta, proposed.id()).actionsFor(greta))
                .containsExactlyInAnyOrder(ContractAction.ACCEPT, ContractAction.DECLINE);
        assertThatThrownBy(() -> contracts.accept(ada, proposed.id())).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> contracts.accept(george, proposed.id())).isInstanceOf(NotPermitted.class);

        Contract active = contracts.accept(greta, proposed.id());

        assertThat(active.state()).isEqualTo(ContractState.ACTIVE);
        assertThat(active.decidedBy()).isEqualTo("greta");
        assertThat(contracts.get(ada, proposed.id()).state()).isEqualTo(ContractState.ACTIVE);
        assertThatThrownBy(() -> contracts.accept(greta, proposed.id())).isInstanceOf(Conflict.class).hasMessageContaining("active");
        assertThatThrownBy(() -> contracts.withdraw(ada, proposed.id(), null)).isInstanceOf(Conflict.class);
        assertThat(actions(ada, proposed.id())).containsExactly("contract.accepted", "contract.proposed");
        assertThat(actions(greta, proposed.id())).containsExactly("contract.accepted", "contract.proposed");
    }

    @Test
    void partnerDeclinesWithAReasonAndTheProposalIsClosed() {
        Contract proposed = contracts.propose(ada, proposal(globex.id(), TODAY));

        Contract declined = contracts.decline(greta, proposed.id(), "Regions do not match our plans");

        assertThat(declined.state()).isEqualTo(ContractState.DECLINED);
        assertThat(declined.decisionReason()).isEqualTo("Regions do not match our plans");
        assertThatThrownBy(() -> contracts.accept(greta, proposed.id())).isInstanceOf(Conflict.class);
        assertThat(audit.forObject(acme.id(), "contract", proposed.id()).get(0).summary()).contains("Regions do not match");
    }

    @Test
    void proposerWithdrawsWhileProposedAndThePartnerCannot() {
        Contract proposed = contracts.propose(ada, proposal(globex.id(), TODAY));

        assertThatThrownBy(() -> contracts.withdraw(greta, proposed.id(), null)).isInstanceOf(NotPermitted.class);
        assertThat(contracts.withdraw(ada, proposed.id(), "wrong prefixes").state()).isEqualTo(ContractState.WITHDRAWN);
        assertThatThrownBy(() -> contracts.accept(greta, proposed.id())).isInstanceOf(Conflict.class);
        assertThat(actions(greta, proposed.id())).containsExactly("contract.withdrawn", "contract.proposed");
    }

    @Test
    void eitherSideSuspendsWithAReasonAndTheSuspendingSideResumes() {
        Contract active = activeContract(proposal(globex.id(), TODAY));

        assertThatThrownBy(() -> contracts.suspend(greta, active.id(), "  ")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        assertThatThrownBy(() -> contracts.suspend(greta, active.id(), "r".repeat(501))).isInstanceOf(InvalidInput.class);
        Contract suspended = contracts.suspend(greta, active.id(), "Security incident on our side");

        assertThat(suspended.state()).isEqualTo(ContractState.SUSPENDED);
        assertThat(suspended.suspendedBy()).isEqualTo("greta");
        assertThat(suspended.suspendedByTenant()).isEqualTo(globex.id());
        assertThat(contracts.get(ada, active.id()).suspensionReason()).isEqualTo("Security incident on our side");
        assertThat(contracts.get(ada, active.id()).actionsFor(ada)).isEmpty();
        assertThatThrownBy(() -> contracts.resume(ada, active.id(), null)).isInstanceOf(NotPermitted.class)
                .hasMessageContaining(globex.name());
        assertThatThrownBy(() -> contracts.suspend(ada, active.id(), "again")).isInstanceOf(Conflict.class);

        Contract resumed = contracts.resume(greta, active.id(), "Incident closed");

        assertThat(resumed.state()).isEqualTo(ContractState.ACTIVE);
        assertThat(resumed.suspendedBy()).isNull();
        assertThat(contracts.suspend(ada, active.id(), "Our maintenance").suspendedByTenant()).isEqualTo(acme.id());
        assertThat(actions(ada, active.id())).containsExactly("contract.suspended", "contract.resumed",
                "contract.suspended", "contract.accepted", "contract.proposed");
    }

    @Test
    void aThirdTenantCannotSeeOrTouchTheContract() {
        Contract proposed = contracts.propose(ada, proposal(globex.id(), TODAY));

        assertThatThrownBy(() -> contracts.get(iris, proposed.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> contracts.accept(iris, proposed.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> contracts.suspend(iris, proposed.id(), "x")).isInstanceOf(NotFound.class);
        assertThat(contracts.list(iris, null)).isEmpty();
        assertThat(audit.forObject(initech.id(), "contract", proposed.id())).isEmpty();
        assertThat(audit.forTenant(initech.id(), null, 50)).isEmpty();
        assertThatThrownBy(() -> ContractId.parse("not-an-id")).isInstanceOf(NotFound.class);
    }

    @Test
    void aContractPastItsLastDayReadsExpiredAndTheJobRecordsItOnceForBoth() {
        Contract active = activeContract(withDates(proposal(globex.id(), TODAY), TODAY, TODAY.plusDays(20)));
        Contract proposed = contracts.propose(ada, withDates(proposal(globex.id(), TODAY), TODAY, TODAY.plusDays(5)));

        assertThat(contracts.get(ada, active.id()).expiringSoon(contracts.today(), contracts.expiryWarningDays())).isTrue();
        assertThat(contracts.get(ada, active.id()).daysLeft(contracts.today())).isEqualTo(20);
        clock.advance(Duration.ofDays(20));
        assertThat(contracts.get(ada, active.id()).state()).isEqualTo(ContractState.ACTIVE);
        clock.advance(Duration.ofDays(1));

        assertThat(contracts.get(greta, active.id()).state()).isEqualTo(ContractState.EXPIRED);
        assertThat(contracts.get(greta, proposed.id()).state()).isEqualTo(ContractState.EXPIRED);
        assertThat(contracts.list(ada, ContractState.EXPIRED)).hasSize(2);
        assertThat(contracts.list(ada, ContractState.ACTIVE)).isEmpty();
        assertThatThrownBy(() -> contracts.suspend(ada, active.id(), "x")).isInstanceOf(Conflict.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> contracts.accept(greta, proposed.id())).isInstanceOf(Conflict.class);

        assertThat(contracts.expireDue()).isGreaterThanOrEqualTo(2);
        assertThat(contracts.expireDue()).isZero();
        assertThat(contracts.get(ada, active.id()).expiredAt()).isEqualTo(clock.instant());
        for (Actor party : List.of(ada, greta)) {
            AuditEvent latest = audit.forObject(party.tenant(), "contract", active.id()).get(0);
            assertThat(latest.action()).isEqualTo("contract.expired");
            assertThat(latest.actor()).isEqualTo("system");
        }
    }

    @Test
    void activeBetweenGivesTheTermsInForceTodayEitherWayRound() {
        assertThat(contracts.activeBetween(acme.id(), globex.id())).isEmpty();
        Contract proposed = contracts.propose(ada, proposal(globex.id(), TODAY));
        Contract later = activeContract(withDates(proposal(globex.id(), TODAY), TODAY.plusDays(10), TODAY.plusDays(40)));
        assertThat(contracts.activeBetween(acme.id(), globex.id())).isEmpty();

        contracts.accept(greta, proposed.id());

        List<ContractTerms> terms = contracts.activeBetween(globex.id(), acme.id());
        assertThat(terms).extracting(ContractTerms::id).containsExactly(proposed.id());
        ContractTerms t = terms.get(0);
        assertThat(t.allowsRegion("eu-west-1")).isTrue();
        assertThat(t.allowsRegion("ap-south-1")).isFalse();
        assertThat(t.allowsPrefix(globex.id(), Prefix.parse("10.21.4.0/24"))).isTrue();
        assertThat(t.allowsPrefix(acme.id(), Prefix.parse("10.21.4.0/24"))).isFalse();
        assertThat(t.allowsPrefix(initech.id(), Prefix.parse("10.10.0.0/16"))).isFalse();
        assertThat(t.allowsTraffic(Protocol.TCP, 443, 443)).isTrue();
        assertThat(t.allowsTraffic(Protocol.TCP, 22, 22)).isFalse();
        assertThat(t.counterpart(acme.id()).id()).isEqualTo(globex.id());
        assertThat(contracts.activeBetween(acme.id(), initech.id())).isEmpty();

        contracts.suspend(ada, proposed.id(), "maintenance");
        assertThat(contracts.activeBetween(acme.id(), globex.id())).isEmpty();
        clock.advance(Duration.ofDays(10));
        assertThat(contracts.activeBetween(acme.id(), globex.id())).extracting(ContractTerms::id).containsExactly(later.id());
    }

    @Test
    void inForceBetweenGivesOneContractsTermsOnlyWhileItIsInForceBetweenThoseTwo() {
        Contract proposed = contracts.propose(ada, proposal(globex.id(), TODAY));
        Contract later = activeContract(withDates(proposal(globex.id(), TODAY), TODAY.plusDays(10), TODAY.plusDays(40)));
        assertThat(contracts.inForceBetween(acme.id(), globex.id(), proposed.id())).isEmpty();
        assertThat(contracts.inForceBetween(acme.id(), globex.id(), later.id())).isEmpty();
        assertThat(contracts.inForce(contracts.get(ada, proposed.id()))).isFalse();

        contracts.accept(greta, proposed.id());

        assertThat(contracts.inForce(contracts.get(ada, proposed.id()))).isTrue();
        assertThat(contracts.inForce(contracts.get(ada, later.id()))).isFalse();

        assertThat(contracts.inForceBetween(globex.id(), acme.id(), proposed.id())).map(ContractTerms::id)
                .contains(proposed.id());
        assertThat(contracts.inForceBetween(acme.id(), initech.id(), proposed.id())).isEmpty();
        assertThat(contracts.inForceBetween(acme.id(), globex.id(), new ContractId(UUID.randomUUID()))).isEmpty();

        contracts.suspend(ada, proposed.id(), "maintenance");
        assertThat(contracts.inForceBetween(acme.id(), globex.id(), proposed.id())).isEmpty();
        assertThat(contracts.inForce(contracts.get(ada, proposed.id()))).isFalse();
        clock.advance(Duration.ofDays(10));
        assertThat(contracts.inForceBetween(acme.id(), globex.id(), later.id())).map(ContractTerms::id).contains(later.id());
        clock.advance(Duration.ofDays(31));
        assertThat(contracts.inForceBetween(acme.id(), globex.id(), later.id())).isEmpty();
    }

    @Test
    void sharingWithMergesTheRolesOfActiveContractsPerPartner() {
        activeContract(sharing(proposal(globex.id(), TODAY), Set.of(ContactRole.NOC)));
        activeContract(sharing(proposal(globex.id(), TODAY), Set.of(ContactRole.SECURITY)));
        contracts.propose(ada, sharing(proposal(initech.id(), TODAY), Set.of(ContactRole.ABUSE)));

        assertThat(contracts.sharingWith(acme.id())).singleElement().satisfies(s -> {
            assertThat(s.partner().id()).isEqualTo(globex.id());
            assertThat(s.sharedRoles()).isEqualTo(EnumSet.of(ContactRole.NOC, ContactRole.SECURITY));
        });
        assertThat(contracts.sharingWith(globex.id())).extracting(s -> s.partner().id()).containsExactly(acme.id());
        assertThat(contracts.hasActiveContract(initech.id())).isFalse();
        assertThat(contracts.hasActiveContract(globex.id())).isTrue();
    }

    @Test
    void everyActionIsOfferedAndAllowedOnlyToTheRightSideInTheRightState() {
        Contract proposed = contracts.propose(ada, proposal(globex.id(), TODAY));
        Contract declined = contracts.decline(greta, contracts.propose(ada, proposal(globex.id(), TODAY)).id(), null);
        Contract withdrawn = contracts.withdraw(ada, contracts.propose(ada, proposal(globex.id(), TODAY)).id(), null);
        Contract active = activeContract(proposal(globex.id(), TODAY));
        Contract suspended = contracts.suspend(greta, activeContract(proposal(globex.id(), TODAY)).id(), "pause");

        assertOffered(proposed, Set.of(ContractAction.WITHDRAW), Set.of(ContractAction.ACCEPT, ContractAction.DECLINE));
        assertOffered(declined, Set.of(), Set.of());
        assertOffered(withdrawn, Set.of(), Set.of());
        assertOffered(active, Set.of(ContractAction.SUSPEND), Set.of(ContractAction.SUSPEND));
        assertOffered(suspended, Set.of(), Set.of(ContractAction.RESUME));
        for (Contract contract : List.of(proposed, declined, withdrawn, active, suspended)) {
            for (Actor actor : List.of(ada, greta)) {
                Set<ContractAction> offered = contracts.get(actor, contract.id()).actionsFor(actor);
                for (ContractAction action : ContractAction.values()) {
                    if (offered.contains(action)) {
                        continue;
                    }
                    assertThatThrownBy(() -> act(actor, contract.id(), action))
                            .as(actor.name() + " " + action + " on " + contract.state())
                            .isInstanceOfAny(NotPermitted.class, Conflict.class);
                }
            }
        }
        assertThat(contracts.get(ada, declined.id()).state()).isEqualTo(ContractState.DECLINED);
        assertThat(contracts.get(ada, suspended.id()).state()).isEqualTo(ContractState.SUSPENDED);
    }

    private void assertOffered(Contract contract, Set<ContractAction> toProposer, Set<ContractAction> toPartner) {
        assertThat(contracts.get(ada, contract.id()).actionsFor(ada)).as("proposer on " + contract.state())
                .containsExactlyInAnyOrderElementsOf(toProposer);
        assertThat(contracts.get(greta, contract.id()).actionsFor(greta)).as("partner on " + contract.state())
                .containsExactlyInAnyOrderElementsOf(toPartner);
    }

    private void act(Actor actor, ContractId id, ContractAction action) {
        switch (action) {
            case ACCEPT -> contracts.accept(actor, id);
            case DECLINE -> contracts.decline(actor, id, "no");
            case WITHDRAW -> contracts.withdraw(actor, id, "no");
            case SUSPEND -> contracts.suspend(actor, id, "no");
            case RESUME -> contracts.resume(actor, id, "no");
        }
    }

    private Contract activeContract(ContractProposal proposal) {
        Contract proposed = contracts.propose(ada, proposal);
        return contracts.accept(greta, proposed.id());
    }

    private List<String> actions(Actor viewer, ContractId id) {
        return audit.forObject(viewer.tenant(), "contract", id).stream().map(AuditEvent::action).toList();
    }

    private static Actor admin(Tenant tenant, String name) {
        return new Actor(tenant.id(), name, Set.of(Role.TENANT_ADMIN), "192.0.2.1");
    }
}

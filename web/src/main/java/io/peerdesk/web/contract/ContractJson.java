package io.peerdesk.web.contract;

import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contract.Contract;
import io.peerdesk.domain.contract.ContractAction;
import io.peerdesk.domain.contract.ContractState;
import io.peerdesk.domain.contract.ContractTerms;
import io.peerdesk.domain.contract.Party;
import io.peerdesk.domain.contract.PortRule;
import io.peerdesk.domain.contract.Prefix;
import io.peerdesk.domain.support.Actor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A contract in the REST API, from the caller's side: with the actions the caller may take now. */
record ContractJson(UUID id, String title, ContractState state, PartyJson proposer, PartyJson partner,
                    LocalDate validFrom, LocalDate validUntil, long daysLeft, boolean expiringSoon,
                    List<String> regions, List<String> proposerPrefixes, List<String> partnerPrefixes, List<String> ports,
                    boolean securityReviewRequired, BigDecimal sloAvailability, int sloLatencyMs, int maxPeerings,
                    int maintenanceNoticeDays, String maintenanceWindow, List<ContactRole> sharedContactRoles,
                    String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, String decisionReason,
                    Suspension suspension, Instant expiredAt, List<String> actions) {

    record PartyJson(UUID id, String slug, String name) {
        static PartyJson of(Party party) {
            return new PartyJson(party.id().value(), party.slug(), party.name());
        }
    }

    record Suspension(String byTenant, String by, Instant at, String reason) {
    }

    static ContractJson of(Contract c, Actor actor, LocalDate today, long warningDays) {
        ContractTerms t = c.terms();
        Suspension suspension = c.suspendedByTenant() == null ? null : new Suspension(
                c.suspendedByTenant().equals(c.proposer().id()) ? c.proposer().slug() : c.partner().slug(),
                c.suspendedBy(), c.suspendedAt(), c.suspensionReason());
        return new ContractJson(c.id().value(), c.title(), c.state(), PartyJson.of(c.proposer()), PartyJson.of(c.partner()),
                t.validFrom(), t.validUntil(), c.daysLeft(today), c.expiringSoon(today, warningDays), t.regions(),
                t.proposerPrefixes().stream().map(Prefix::toString).toList(),
                t.partnerPrefixes().stream().map(Prefix::toString).toList(),
                t.ports().stream().map(PortRule::toString).toList(), t.securityReviewRequired(), t.sloAvailability(),
                t.sloLatencyMs(), t.maxPeerings(), t.maintenanceNoticeDays(), t.maintenanceWindow(),
                t.sharedContactRoles().stream().sorted().toList(), c.proposedBy(), c.proposedAt(), c.decidedBy(),
                c.decidedAt(), c.decisionReason(), suspension, c.expiredAt(),
                c.actionsFor(actor).stream().map(ContractAction::verb).toList());
    }
}

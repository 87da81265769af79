package io.peerdesk.domain.contract;

import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.support.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Sound contract terms to start from in tests; vary one field to test its rule. */
public final class ContractTestData {

    private ContractTestData() {
    }

    /** A year from {@code today}: us-east-1 and eu-west-1, 10.10/16 on our side, 10.20/16 on theirs, tcp 443 and udp 161. */
    public static ContractProposal proposal(TenantId partner, LocalDate today) {
        return new ContractProposal(partner, "Production peering", today, today.plusYears(1),
                List.of("us-east-1", "eu-west-1"), List.of("10.10.0.0/16"), List.of("10.20.0.0/16", "10.21.0.0/16"),
                List.of("tcp 443", "udp 161"), false, new BigDecimal("99.9"), 20, 10, 14, "Tuesdays 02:00–04:00 UTC",
                Set.of(ContactRole.NOC, ContactRole.TECHNICAL));
    }

    public static ContractProposal withDates(ContractProposal p, LocalDate from, LocalDate until) {
        return new ContractProposal(p.partner(), p.title(), from, until, p.regions(), p.proposerPrefixes(),
                p.partnerPrefixes(), p.ports(), p.securityReviewRequired(), p.sloAvailability(), p.sloLatencyMs(),
                p.maxPeerings(), p.maintenanceNoticeDays(), p.maintenanceWindow(), p.sharedContactRoles());
    }

    public static ContractProposal sharing(ContractProposal p, Set<ContactRole> roles) {
        return new ContractProposal(p.partner(), p.title(), p.validFrom(), p.validUntil(), p.regions(), p.proposerPrefixes(),
                p.partnerPrefixes(), p.ports(), p.securityReviewRequired(), p.sloAvailability(), p.sloLatencyMs(),
                p.maxPeerings(), p.maintenanceNoticeDays(), p.maintenanceWindow(), roles);
    }
}

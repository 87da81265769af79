package io.peerdesk.web.contract;

import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contract.ContractProposal;
import io.peerdesk.domain.support.TenantId;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The propose form: regions and shared contact roles as checkboxes, prefixes and port rules as
 * text areas with one entry per line. Sizes are capped here; the terms are checked by the domain.
 */
record ContractForm(
        String partner,
        @Size(max = 200, message = "at most 200 characters") String title,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
        @Size(max = 32, message = "at most 32 regions") List<String> regions,
        @Size(max = 4000, message = "at most 4000 characters") String proposerPrefixes,
        @Size(max = 4000, message = "at most 4000 characters") String partnerPrefixes,
        @Size(max = 2000, message = "at most 2000 characters") String ports,
        Boolean securityReviewRequired,
        BigDecimal sloAvailability,
        Integer sloLatencyMs,
        Integer maxPeerings,
        Integer maintenanceNoticeDays,
        @Size(max = 500, message = "at most 500 characters") String maintenanceWindow,
        Set<ContactRole> sharedContactRoles) {

    /** A fresh form: a year from today, common SLO targets, NOC and Technical contacts shared. */
    static ContractForm defaults(LocalDate today) {
        return new ContractForm("", "", today, today.plusYears(1), List.of(), "", "", "tcp 443", false,
                new BigDecimal("99.9"), 20, 10, 14, "", EnumSet.of(ContactRole.NOC, ContactRole.TECHNICAL));
    }

    /** The partner's id, or null when none (or something other than an id) was chosen. */
    TenantId partnerId() {
        try {
            return partner == null || partner.isBlank() ? null : new TenantId(UUID.fromString(partner.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    boolean partnerUnreadable() {
        return partner != null && !partner.isBlank() && partnerId() == null;
    }

    ContractProposal toProposal() {
        return new ContractProposal(partnerId(), title, validFrom, validUntil, regions == null ? List.of() : regions,
                lines(proposerPrefixes), lines(partnerPrefixes), lines(ports), Boolean.TRUE.equals(securityReviewRequired),
                sloAvailability, sloLatencyMs, maxPeerings, maintenanceNoticeDays, maintenanceWindow,
                sharedContactRoles == null ? Set.of() : sharedContactRoles);
    }

    public boolean hasRegion(String code) {
        return regions != null && regions.contains(code);
    }

    public boolean shares(ContactRole role) {
        return sharedContactRoles != null && sharedContactRoles.contains(role);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

package io.peerdesk.domain.contract;

import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.support.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What two tenants agreed: the validity period, the regions peerings may use, the prefixes each
 * side may expose to the other, the traffic allowed, whether a security review is required, the
 * SLO targets, the peering limit, the maintenance rules and the contact roles both sides share.
 * Peering requests check themselves against these terms.
 */
public record ContractTerms(ContractId id, Party proposer, Party partner, LocalDate validFrom, LocalDate validUntil,
                            List<String> regions, List<Prefix> proposerPrefixes, List<Prefix> partnerPrefixes,
                            List<PortRule> ports, boolean securityReviewRequired, BigDecimal sloAvailability,
                            int sloLatencyMs, int maxPeerings, int maintenanceNoticeDays, String maintenanceWindow,
                            Set<ContactRole> sharedContactRoles) {

    public ContractTerms {
        regions = List.copyOf(regions);
        proposerPrefixes = List.copyOf(proposerPrefixes);
        partnerPrefixes = List.copyOf(partnerPrefixes);
        ports = List.copyOf(ports);
        sharedContactRoles = ContactRole.ordered(sharedContactRoles);
    }

    public boolean isParty(TenantId tenant) {
        return proposer.id().equals(tenant) || partner.id().equals(tenant);
    }

    /** The other side, seen from {@code tenant} (one of the two parties). */
    public Party counterpart(TenantId tenant) {
        return proposer.id().equals(tenant) ? partner : proposer;
    }

    /** The prefixes {@code tenant} may expose to the other side; empty for a tenant that is no party. */
    public List<Prefix> prefixesOf(TenantId tenant) {
        if (proposer.id().equals(tenant)) {
            return proposerPrefixes;
        }
        return partner.id().equals(tenant) ? partnerPrefixes : List.of();
    }

    public boolean allowsRegion(String region) {
        return regions.contains(region);
    }

    /** Whether {@code block} lies inside one of the prefixes {@code tenant} may expose. */
    public boolean allowsPrefix(TenantId tenant, Prefix block) {
        return prefixesOf(tenant).stream().anyMatch(prefix -> prefix.contains(block));
    }

    /** Whether one rule allows all of {@code protocol} on ports {@code from}–{@code to}. */
    public boolean allowsTraffic(Protocol protocol, int from, int to) {
        return ports.stream().anyMatch(rule -> rule.covers(protocol, from, to));
    }

    /** Whether the contract is valid on {@code day} by its dates alone. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** The availability target without trailing zeros, e.g. {@code 99.9}. */
    public String availabilityText() {
        return sloAvailability.stripTrailingZeros().toPlainString();
    }
}

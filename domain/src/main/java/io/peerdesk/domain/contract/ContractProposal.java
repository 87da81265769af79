package io.peerdesk.domain.contract;

import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.support.TenantId;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The terms a tenant admin proposes to a partner. Regions are codes ({@code eu-west-1}),
 * prefixes canonical CIDR blocks, ports one rule each ({@code tcp 443}, {@code udp 1000-2000},
 * {@code icmp}, {@code all}); the service checks all of it and answers with a message per field.
 */
public record ContractProposal(
        @NotNull(message = "choose the partner organisation") TenantId partner,
        @NotBlank(message = "give the contract a title") @Size(max = 200, message = "at most 200 characters") String title,
        @NotNull(message = "give the first valid day") LocalDate validFrom,
        @NotNull(message = "give the last valid day") LocalDate validUntil,
        @NotNull(message = "allow at least one region") List<String> regions,
        @NotNull(message = "list at least one prefix") List<String> proposerPrefixes,
        @NotNull(message = "list at least one prefix") List<String> partnerPrefixes,
        @NotNull(message = "allow at least one protocol and port") List<String> ports,
        boolean securityReviewRequired,
        @NotNull(message = "give the availability target in percent")
        @DecimalMin(value = "0", message = "between 0 and 100 percent")
        @DecimalMax(value = "100", message = "between 0 and 100 percent")
        @Digits(integer = 3, fraction = 3, message = "a percentage with at most 3 decimals, e.g. 99.95")
        BigDecimal sloAvailability,
        @NotNull(message = "give the latency target in milliseconds")
        @Min(value = 1, message = "more than 0 ms") @Max(value = 60000, message = "at most 60000 ms")
        Integer sloLatencyMs,
        @NotNull(message = "give the most peerings the contract allows")
        @Min(value = 1, message = "between 1 and 50") @Max(value = 50, message = "between 1 and 50")
        Integer maxPeerings,
        @NotNull(message = "give the notice period in days")
        @Min(value = 0, message = "between 0 and 365 days") @Max(value = 365, message = "between 0 and 365 days")
        Integer maintenanceNoticeDays,
        @NotBlank(message = "describe the maintenance window, e.g. Tuesdays 02:00–04:00 UTC")
        @Size(max = 500, message = "at most 500 characters") String maintenanceWindow,
        @NotNull Set<ContactRole> sharedContactRoles) {
}

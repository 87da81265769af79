package io.peerdesk.domain.contract;

import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.Validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks proposed terms and turns them into {@link ContractTerms}: every field's problem is
 * collected, so one answer lists them all. Duplicate lines are dropped; host bits, unknown regions,
 * overlapping prefixes of the two sides and dates out of order are refused.
 */
final class ContractTermsCheck {

    static final int MAX_REGIONS = 32;
    static final int MAX_PREFIXES = 50;
    static final int MAX_PORT_RULES = 50;

    private final Validation validation;

    ContractTermsCheck(Validation validation) {
        this.validation = validation;
    }

    /** The terms, or InvalidInput with {@code errors} plus whatever else is wrong. */
    ContractTerms check(ContractProposal p, Map<String, String> errors, LocalDate today, ContractId id,
                        Party proposer, Party partner) {
        try {
            validation.check(p);
        } catch (InvalidInput e) {
            e.fieldErrors().forEach(errors::putIfAbsent);
        }
        checkDates(p, today, errors);
        List<String> regions = regions(p.regions(), errors);
        List<Prefix> ours = prefixes("proposerPrefixes", p.proposerPrefixes(), errors);
        List<Prefix> theirs = prefixes("partnerPrefixes", p.partnerPrefixes(), errors);
        checkNoOverlap(ours, theirs, proposer, errors);
        List<PortRule> ports = ports(p.ports(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ContractTerms(id, proposer, partner, p.validFrom(), p.validUntil(), regions, ours, theirs, ports,
                p.securityReviewRequired(), p.sloAvailability().setScale(3), p.sloLatencyMs(), p.maxPeerings(),
                p.maintenanceNoticeDays(), p.maintenanceWindow().strip(),
                p.sharedContactRoles());
    }

    private static void checkDates(ContractProposal p, LocalDate today, Map<String, String> errors) {
        if (p.validFrom() != null && p.validUntil() != null && p.validUntil().isBefore(p.validFrom())) {
            errors.putIfAbsent("validUntil", "the last valid day (" + p.validUntil() + ") is before the first ("
                    + p.validFrom() + ")");
        }
        if (p.validUntil() != null && !p.validUntil().isAfter(today)) {
            errors.putIfAbsent("validUntil", "the last valid day must be in the future (after " + today + ")");
        }
    }

    private static List<String> regions(List<String> given, Map<String, String> errors) {
        Set<String> regions = new LinkedHashSet<>();
        for (String line : lines(given)) {
            String code = line.toLowerCase();
            if (!AwsRegions.known(code)) {
                String shown = line.length() > 32 ? line.substring(0, 20) + "…" : line;
                errors.putIfAbsent("regions", "'" + shown + "' is not an AWS Region code such as us-east-1 or eu-west-1");
            }
            regions.add(code);
        }
        if (given != null && regions.isEmpty()) {
            errors.putIfAbsent("regions", "allow at least one region");
        } else if (regions.size() > MAX_REGIONS) {
            errors.putIfAbsent("regions", "at most " + MAX_REGIONS + " regions");
        }
        return regions.stream().sorted().toList();
    }

    private static List<Prefix> prefixes(String field, List<String> given, Map<String, String> errors) {
        Set<Prefix> prefixes = new LinkedHashSet<>();
        for (String line : lines(given)) {
            try {
                prefixes.add(Prefix.parse(line));
            } catch (Prefix.Malformed e) {
                errors.putIfAbsent(field, e.getMessage());
            }
        }
        if (given != null && prefixes.isEmpty()) {
            errors.putIfAbsent(field, "list at least one prefix, e.g. 10.20.0.0/16");
        } else if (prefixes.size() > MAX_PREFIXES) {
            errors.putIfAbsent(field, "at most " + MAX_PREFIXES + " prefixes");
        }
        return List.copyOf(prefixes);
    }

    private static void checkNoOverlap(List<Prefix> ours, List<Prefix> theirs, Party proposer, Map<String, String> errors) {
        for (Prefix their : theirs) {
            for (Prefix our : ours) {
                if (their.overlaps(our)) {
                    errors.putIfAbsent("partnerPrefixes", their + " overlaps " + (proposer == null ? "the proposer" : proposer.name())
                            + "'s " + our + ": networks that overlap cannot be peered");
                    return;
                }
            }
        }
    }

    private static List<PortRule> ports(List<String> given, Map<String, String> errors) {
        Set<PortRule> rules = new LinkedHashSet<>();
        for (String line : lines(given)) {
            try {
                rules.add(PortRule.parse(line));
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent("ports", e.getMessage());
            }
        }
        if (given != null && rules.isEmpty()) {
            errors.putIfAbsent("ports", "allow at least one protocol and port, e.g. tcp 443");
        } else if (rules.size() > MAX_PORT_RULES) {
            errors.putIfAbsent("ports", "at most " + MAX_PORT_RULES + " rules");
        }
        return List.copyOf(rules);
    }

    private static List<String> lines(List<String> given) {
        if (given == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        given.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).forEach(lines::add);
        return lines;
    }
}

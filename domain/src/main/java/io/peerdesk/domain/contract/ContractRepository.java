package io.peerdesk.domain.contract;

import io.peerdesk.db.tables.Tenant;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.support.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.peerdesk.db.Tables.CONTRACT;
import static io.peerdesk.db.Tables.CONTRACT_CONTACT_ROLE;
import static io.peerdesk.db.Tables.CONTRACT_PORT;
import static io.peerdesk.db.Tables.CONTRACT_PREFIX;
import static io.peerdesk.db.Tables.CONTRACT_REGION;
import static io.peerdesk.db.Tables.TENANT;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

@Repository
class ContractRepository {

    private static final String PROPOSER = "PROPOSER";
    private static final String PARTNER = "PARTNER";
    private static final Tenant PROPOSER_TENANT = TENANT.as("proposer_tenant");
    private static final Tenant PARTNER_TENANT = TENANT.as("partner_tenant");

    private static final Field<List<String>> REGIONS = multiset(
            select(CONTRACT_REGION.REGION).from(CONTRACT_REGION)
                    .where(CONTRACT_REGION.CONTRACT_ID.eq(CONTRACT.ID)).orderBy(CONTRACT_REGION.REGION))
            .as("regions").convertFrom(rows -> rows.map(r -> r.value1()));

    private static final Field<List<Record3<String, Integer, String>>> PREFIXES = multiset(
            select(CONTRACT_PREFIX.SIDE, CONTRACT_PREFIX.SEQ, CONTRACT_PREFIX.CIDR).from(CONTRACT_PREFIX)
                    .where(CONTRACT_PREFIX.CONTRACT_ID.eq(CONTRACT.ID)))
            .as("prefixes").convertFrom(rows -> rows.stream().toList());

    private static final Field<List<PortRule>> PORTS = multiset(
            select(CONTRACT_PORT.SEQ, CONTRACT_PORT.PROTOCOL, CONTRACT_PORT.FROM_PORT, CONTRACT_PORT.TO_PORT)
                    .from(CONTRACT_PORT).where(CONTRACT_PORT.CONTRACT_ID.eq(CONTRACT.ID)))
            .as("ports").convertFrom(rows -> rows.stream()
                    .sorted((a, b) -> Integer.compare(a.value1(), b.value1()))
                    .map(r -> new PortRule(Protocol.fromCode(r.value2()), r.value3(), r.value4())).toList());

    private static final Field<Set<ContactRole>> SHARED_ROLES = multiset(
            select(CONTRACT_CONTACT_ROLE.ROLE).from(CONTRACT_CONTACT_ROLE)
                    .where(CONTRACT_CONTACT_ROLE.CONTRACT_ID.eq(CONTRACT.ID)))
            .as("shared_roles").convertFrom(rows -> rows.stream().map(r -> ContactRole.valueOf(r.value1()))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(ContactRole.class))));

    private final DSLContext db;

    ContractRepository(DSLContext db) {
        this.db = db;
    }

    void insert(String title, ContractTerms terms, String proposedBy, Instant at) {
        UUID id = terms.id().value();
        db.insertInto(CONTRACT)
                .set(CONTRACT.ID, id)
                .set(CONTRACT.PROPOSER_ID, terms.proposer().id().value())
                .set(CONTRACT.PARTNER_ID, terms.partner().id().value())
                .set(CONTRACT.TITLE, title)
                .set(CONTRACT.STATE, ContractState.PROPOSED.name())
                .set(CONTRACT.VALID_FROM, terms.validFrom())
                .set(CONTRACT.VALID_UNTIL, terms.validUntil())
                .set(CONTRACT.SECURITY_REVIEW_REQUIRED, terms.securityReviewRequired())
                .set(CONTRACT.SLO_AVAILABILITY, terms.sloAvailability())
                .set(CONTRACT.SLO_LATENCY_MS, terms.sloLatencyMs())
                .set(CONTRACT.MAX_PEERINGS, terms.maxPeerings())
                .set(CONTRACT.MAINTENANCE_NOTICE_DAYS, terms.maintenanceNoticeDays())
                .set(CONTRACT.MAINTENANCE_WINDOW, terms.maintenanceWindow())
                .set(CONTRACT.PROPOSED_BY, proposedBy)
                .set(CONTRACT.PROPOSED_AT, utc(at))
                .execute();
        var regions = db.insertInto(CONTRACT_REGION, CONTRACT_REGION.CONTRACT_ID, CONTRACT_REGION.REGION);
        terms.regions().forEach(region -> regions.values(id, region));
        regions.execute();
        var prefixes = db.insertInto(CONTRACT_PREFIX, CONTRACT_PREFIX.CONTRACT_ID, CONTRACT_PREFIX.SIDE,
                CONTRACT_PREFIX.SEQ, CONTRACT_PREFIX.CIDR);
        for (int i = 0; i < terms.proposerPrefixes().size(); i++) {
            prefixes.values(id, PROPOSER, i, terms.proposerPrefixes().get(i).toString());
        }
        for (int i = 0; i < terms.partnerPrefixes().size(); i++) {
            prefixes.values(id, PARTNER, i, terms.partnerPrefixes().get(i).toString());
        }
        prefixes.execute();
        var ports = db.insertInto(CONTRACT_PORT, CONTRACT_PORT.CONTRACT_ID, CONTRACT_PORT.SEQ, CONTRACT_PORT.PROTOCOL,
                CONTRACT_PORT.FROM_PORT, CONTRACT_PORT.TO_PORT);
        for (int i = 0; i < terms.ports().size(); i++) {
            PortRule rule = terms.ports().get(i);
            ports.values(id, i, rule.protocol().code(), rule.fromPort(), rule.toPort());
        }
        ports.execute();
        if (!terms.sharedContactRoles().isEmpty()) {
            var roles = db.insertInto(CONTRACT_CONTACT_ROLE, CONTRACT_CONTACT_ROLE.CONTRACT_ID, CONTRACT_CONTACT_ROLE.ROLE);
            terms.sharedContactRoles().forEach(role -> roles.values(id, role.name()));
            roles.execute();
        }
    }

    /** The contract if {@code viewer} is one of its two parties. */
    Optional<Contract> find(TenantId viewer, ContractId id) {
        return contracts().where(CONTRACT.ID.eq(id.value())).and(partyIs(viewer)).fetchOptional(ContractRepository::toContract);
    }

    /** Every contract {@code viewer} proposed or was proposed, newest first. */
    List<Contract> findAllOf(TenantId viewer) {
        return contracts().where(partyIs(viewer)).orderBy(CONTRACT.PROPOSED_AT.desc()).fetch(ContractRepository::toContract);
    }

    /** The contracts in a stored state of {@code state} between the two tenants, either way round. */
    List<Contract> findBetween(TenantId a, TenantId b, ContractState state) {
        return contracts().where(between(a, b)).and(CONTRACT.STATE.eq(state.name()))
                .orderBy(CONTRACT.VALID_UNTIL.desc()).fetch(ContractRepository::toContract);
    }

    /** The contract {@code id} if it is between the two tenants, either way round (read by its key). */
    Optional<Contract> findBetween(TenantId a, TenantId b, ContractId id) {
        return contracts().where(CONTRACT.ID.eq(id.value())).and(between(a, b)).fetchOptional(ContractRepository::toContract);
    }

    /** {@code tenant}'s contracts in a stored state of {@code state}. */
    List<Contract> findOfInState(TenantId tenant, ContractState state) {
        return contracts().where(partyIs(tenant)).and(CONTRACT.STATE.eq(state.name())).fetch(ContractRepository::toContract);
    }

    /** For the expiry job, across all tenants: open contracts whose last valid day is before {@code today}. */
    List<Contract> findOpenEndedBefore(LocalDate today) {
        return contracts().where(CONTRACT.STATE.in(ContractState.PROPOSED.name(), ContractState.ACTIVE.name(),
                        ContractState.SUSPENDED.name()))
                .and(CONTRACT.VALID_UNTIL.lt(today))
                .fetch(ContractRepository::toContract);
    }

    /** Records the partner's decision or the proposer's withdrawal; false when the contract was no longer proposed. */
    boolean decide(ContractId id, ContractState outcome, String by, Instant at, String reason) {
        return db.update(CONTRACT)
                .set(CONTRACT.STATE, outcome.name())
                .set(CONTRACT.DECIDED_BY, by).set(CONTRACT.DECIDED_AT, utc(at)).set(CONTRACT.DECISION_REASON, reason)
                .where(CONTRACT.ID.eq(id.value())).and(CONTRACT.STATE.eq(ContractState.PROPOSED.name()))
                .execute() == 1;
    }

    boolean suspend(ContractId id, TenantId byTenant, String by, Instant at, String reason) {
        return db.update(CONTRACT)
                .set(CONTRACT.STATE, ContractState.SUSPENDED.name())
                .set(CONTRACT.SUSPENDED_BY_TENANT_ID, byTenant.value()).set(CONTRACT.SUSPENDED_BY, by)
                .set(CONTRACT.SUSPENDED_AT, utc(at)).set(CONTRACT.SUSPENSION_REASON, reason)
                .where(CONTRACT.ID.eq(id.value())).and(CONTRACT.STATE.eq(ContractState.ACTIVE.name()))
                .execute() == 1;
    }

    boolean resume(ContractId id) {
        return db.update(CONTRACT)
                .set(CONTRACT.STATE, ContractState.ACTIVE.name())
                .setNull(CONTRACT.SUSPENDED_BY_TENANT_ID).setNull(CONTRACT.SUSPENDED_BY)
                .setNull(CONTRACT.SUSPENDED_AT).setNull(CONTRACT.SUSPENSION_REASON)
                .where(CONTRACT.ID.eq(id.value())).and(CONTRACT.STATE.eq(ContractState.SUSPENDED.name()))
                .execute() == 1;
    }

    /** Marks an open contract expired; false when another node or request changed it first. */
    boolean expire(ContractId id, ContractState from, Instant at) {
        return db.update(CONTRACT)
                .set(CONTRACT.STATE, ContractState.EXPIRED.name()).set(CONTRACT.EXPIRED_AT, utc(at))
                .where(CONTRACT.ID.eq(id.value())).and(CONTRACT.STATE.eq(from.name()))
                .execute() == 1;
    }

    private SelectOnConditionStep<Record> contracts() {
        return db.select(CONTRACT.fields())
                .select(PROPOSER_TENANT.SLUG, PROPOSER_TENANT.NAME, PARTNER_TENANT.SLUG, PARTNER_TENANT.NAME)
                .select(REGIONS, PREFIXES, PORTS, SHARED_ROLES)
                .from(CONTRACT)
                .join(PROPOSER_TENANT).on(PROPOSER_TENANT.ID.eq(CONTRACT.PROPOSER_ID))
                .join(PARTNER_TENANT).on(PARTNER_TENANT.ID.eq(CONTRACT.PARTNER_ID));
    }

    private static Condition between(TenantId a, TenantId b) {
        return CONTRACT.PROPOSER_ID.eq(a.value()).and(CONTRACT.PARTNER_ID.eq(b.value()))
                .or(CONTRACT.PROPOSER_ID.eq(b.value()).and(CONTRACT.PARTNER_ID.eq(a.value())));
    }

    private static Condition partyIs(TenantId tenant) {
        return CONTRACT.PROPOSER_ID.eq(tenant.value()).or(CONTRACT.PARTNER_ID.eq(tenant.value()));
    }

    private static Contract toContract(Record r) {
        ContractId id = new ContractId(r.get(CONTRACT.ID));
        Party proposer = new Party(new TenantId(r.get(CONTRACT.PROPOSER_ID)), r.get(PROPOSER_TENANT.SLUG), r.get(PROPOSER_TENANT.NAME));
        Party partner = new Party(new TenantId(r.get(CONTRACT.PARTNER_ID)), r.get(PARTNER_TENANT.SLUG), r.get(PARTNER_TENANT.NAME));
        List<Record3<String, Integer, String>> prefixes = r.get(PREFIXES);
        ContractTerms terms = new ContractTerms(id, proposer, partner, r.get(CONTRACT.VALID_FROM), r.get(CONTRACT.VALID_UNTIL),
                r.get(REGIONS), side(prefixes, PROPOSER), side(prefixes, PARTNER), r.get(PORTS),
                r.get(CONTRACT.SECURITY_REVIEW_REQUIRED), r.get(CONTRACT.SLO_AVAILABILITY), r.get(CONTRACT.SLO_LATENCY_MS),
                r.get(CONTRACT.MAX_PEERINGS), r.get(CONTRACT.MAINTENANCE_NOTICE_DAYS), r.get(CONTRACT.MAINTENANCE_WINDOW),
                r.get(SHARED_ROLES));
        UUID suspendedBy = r.get(CONTRACT.SUSPENDED_BY_TENANT_ID);
        return new Contract(id, r.get(CONTRACT.TITLE), ContractState.valueOf(r.get(CONTRACT.STATE)), terms,
                r.get(CONTRACT.PROPOSED_BY), instant(r.get(CONTRACT.PROPOSED_AT)),
                r.get(CONTRACT.DECIDED_BY), instant(r.get(CONTRACT.DECIDED_AT)), r.get(CONTRACT.DECISION_REASON),
                suspendedBy == null ? null : new TenantId(suspendedBy), r.get(CONTRACT.SUSPENDED_BY),
                instant(r.get(CONTRACT.SUSPENDED_AT)), r.get(CONTRACT.SUSPENSION_REASON), instant(r.get(CONTRACT.EXPIRED_AT)));
    }

    private static List<Prefix> side(List<Record3<String, Integer, String>> prefixes, String side) {
        return prefixes.stream().filter(p -> p.value1().equals(side))
                .sorted((a, b) -> Integer.compare(a.value2(), b.value2()))
                .map(p -> Prefix.parse(p.value3())).toList();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}

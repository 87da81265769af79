package io.peerdesk.domain.peering;

import io.peerdesk.db.tables.Tenant;
import io.peerdesk.db.tables.Vpc;
import io.peerdesk.db.tables.records.PeeringRequestRecord;
import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.inventory.CloudAccountId;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.peering.StoredRequest.Planned;
import io.peerdesk.domain.support.RenderedQuery;
import io.peerdesk.domain.support.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.TableField;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.peerdesk.db.Tables.CLOUD_ACCOUNT;
import static io.peerdesk.db.Tables.PEERING_APPLIED;
import static io.peerdesk.db.Tables.PEERING_CHECK;
import static io.peerdesk.db.Tables.PEERING_CLOUD_WAIT;
import static io.peerdesk.db.Tables.PEERING_REQUEST;
import static io.peerdesk.db.Tables.PEERING_ROUTE;
import static io.peerdesk.db.Tables.PEERING_RULE;
import static io.peerdesk.db.Tables.TENANT;
import static io.peerdesk.db.Tables.VPC;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

/** Peering requests: both parties read the same rows; every change is a conditional update on the version. */
@Repository
class PeeringRepository {

    static final Set<PeeringState> OUTSTANDING = EnumSet.of(PeeringState.SUBMITTED, PeeringState.PENDING_APPROVAL,
            PeeringState.SECURITY_REVIEW);
    static final Set<PeeringState> ESTABLISHED = EnumSet.of(PeeringState.PROVISIONING, PeeringState.VERIFYING,
            PeeringState.ACTIVE, PeeringState.CHANGING, PeeringState.TEARING_DOWN);

    private static final Tenant REQUESTER_TENANT = TENANT.as("requester_tenant");
    private static final Tenant ACCEPTER_TENANT = TENANT.as("accepter_tenant");

    private final DSLContext db;
    private final RenderedQuery byId;
    private final RenderedQuery byIdForParty;
    private final RenderedQuery routesOf;
    private final RenderedQuery rulesOf;
    private final RenderedQuery appliedOf;

    PeeringRepository(DSLContext db) {
        this.db = db;
        Field<UUID> id = param("id", UUID.class);
        Field<UUID> tenant = param("tenant", UUID.class);
        this.byId = new RenderedQuery(db, request().where(PEERING_REQUEST.ID.eq(id)));
        this.byIdForParty = new RenderedQuery(db, request().where(PEERING_REQUEST.ID.eq(id))
                .and(PEERING_REQUEST.REQUESTER_TENANT_ID.eq(tenant).or(PEERING_REQUEST.ACCEPTER_TENANT_ID.eq(tenant))));
        this.routesOf = new RenderedQuery(db, select(PEERING_ROUTE.SIDE, PEERING_ROUTE.ROUTE_TABLE_ID,
                PEERING_ROUTE.DESTINATION_CIDR, PEERING_ROUTE.CHANGE)
                .from(PEERING_ROUTE).where(PEERING_ROUTE.REQUEST_ID.eq(id)).orderBy(PEERING_ROUTE.SEQ));
        this.rulesOf = new RenderedQuery(db, select(PEERING_RULE.SIDE, PEERING_RULE.SECURITY_GROUP_ID,
                PEERING_RULE.PROTOCOL, PEERING_RULE.FROM_PORT, PEERING_RULE.TO_PORT, PEERING_RULE.SOURCE_CIDR,
                PEERING_RULE.CHANGE)
                .from(PEERING_RULE).where(PEERING_RULE.REQUEST_ID.eq(id)).orderBy(PEERING_RULE.SEQ));
        this.appliedOf = new RenderedQuery(db, select(PEERING_APPLIED.ID, PEERING_APPLIED.KIND, PEERING_APPLIED.SIDE,
                PEERING_APPLIED.RESOURCE_ID, PEERING_APPLIED.CIDR, PEERING_APPLIED.TARGET, PEERING_APPLIED.PROTOCOL,
                PEERING_APPLIED.FROM_PORT, PEERING_APPLIED.TO_PORT, PEERING_APPLIED.CLOUD_RULE_ID,
                PEERING_APPLIED.APPLIED_AT, PEERING_APPLIED.REMOVED_AT)
                .from(PEERING_APPLIED).where(PEERING_APPLIED.REQUEST_ID.eq(id)).orderBy(PEERING_APPLIED.SEQ));
    }

    void insert(StoredRequest r, String idempotencyKey) {
        StoredRequest.Party req = r.requester();
        StoredRequest.Party acc = r.accepter();
        db.insertInto(PEERING_REQUEST)
                .set(PEERING_REQUEST.ID, r.id().value()).set(PEERING_REQUEST.CONTRACT_ID, r.contract().value())
                .set(PEERING_REQUEST.REQUESTER_TENANT_ID, req.tenant().value())
                .set(PEERING_REQUEST.REQUESTER_ACCOUNT_ID, req.account().value())
                .set(PEERING_REQUEST.REQUESTER_ACCOUNT_NUMBER, req.end().accountNumber())
                .set(PEERING_REQUEST.REQUESTER_VPC_ID, req.end().vpc().value())
                .set(PEERING_REQUEST.REQUESTER_CLOUD_VPC_ID, req.end().cloudVpcId())
                .set(PEERING_REQUEST.REQUESTER_VPC_NAME, req.end().vpcName())
                .set(PEERING_REQUEST.REQUESTER_REGION, req.end().region())
                .set(PEERING_REQUEST.REQUESTER_CIDRS, String.join(" ", req.end().cidrs()))
                .set(PEERING_REQUEST.ACCEPTER_TENANT_ID, acc.tenant().value())
                .set(PEERING_REQUEST.ACCEPTER_ACCOUNT_ID, acc.account().value())
                .set(PEERING_REQUEST.ACCEPTER_ACCOUNT_NUMBER, acc.end().accountNumber())
                .set(PEERING_REQUEST.ACCEPTER_VPC_ID, acc.end().vpc().value())
                .set(PEERING_REQUEST.ACCEPTER_CLOUD_VPC_ID, acc.end().cloudVpcId())
                .set(PEERING_REQUEST.ACCEPTER_VPC_NAME, acc.end().vpcName())
                .set(PEERING_REQUEST.ACCEPTER_REGION, acc.end().region())
                .set(PEERING_REQUEST.ACCEPTER_CIDRS, String.join(" ", acc.end().cidrs()))
                .set(PEERING_REQUEST.STATE, r.state().name())
                .set(PEERING_REQUEST.IDEMPOTENCY_KEY, idempotencyKey)
                .set(PEERING_REQUEST.CREATED_BY, r.createdBy()).set(PEERING_REQUEST.CREATED_AT, utc(r.createdAt()))
                .set(PEERING_REQUEST.UPDATED_AT, utc(r.createdAt()))
                .set(PEERING_REQUEST.VERSION, 0)
                .execute();
        insertPlan(r.id(), r.routes(), r.rules(), null);
    }

    /** Adds planned routes and rules after the existing ones; {@code change} ADD for a proposed change, null for the plan. */
    void insertPlan(PeeringRequestId id, List<PlannedRoute> routes, List<PlannedRule> rules, String change) {
        int seq = nextSeq(id, PEERING_ROUTE.REQUEST_ID, PEERING_ROUTE.SEQ);
        for (PlannedRoute route : routes) {
            db.insertInto(PEERING_ROUTE).set(PEERING_ROUTE.REQUEST_ID, id.value()).set(PEERING_ROUTE.SEQ, seq++)
                    .set(PEERING_ROUTE.SIDE, route.side().name()).set(PEERING_ROUTE.ROUTE_TABLE_ID, route.routeTableId())
                    .set(PEERING_ROUTE.DESTINATION_CIDR, route.destinationCidr()).set(PEERING_ROUTE.CHANGE, change)
                    .execute();
        }
        seq = nextSeq(id, PEERING_RULE.REQUEST_ID, PEERING_RULE.SEQ);
        for (PlannedRule rule : rules) {
            db.insertInto(PEERING_RULE).set(PEERING_RULE.REQUEST_ID, id.value()).set(PEERING_RULE.SEQ, seq++)
                    .set(PEERING_RULE.SIDE, rule.side().name()).set(PEERING_RULE.SECURITY_GROUP_ID, rule.securityGroupId())
                    .set(PEERING_RULE.PROTOCOL, rule.protocol()).set(PEERING_RULE.FROM_PORT, rule.fromPort())
                    .set(PEERING_RULE.TO_PORT, rule.toPort()).set(PEERING_RULE.SOURCE_CIDR, rule.sourceCidr())
                    .set(PEERING_RULE.CHANGE, change)
                    .execute();
        }
    }

    /** Marks routes and rules of the plan that a pending change would remove. */
    void markForRemoval(PeeringRequestId id, List<PlannedRoute> routes, List<PlannedRule> rules) {
        for (PlannedRoute route : routes) {
            db.update(PEERING_ROUTE).set(PEERING_ROUTE.CHANGE, "REMOVE")
                    .where(PEERING_ROUTE.REQUEST_ID.eq(id.value())).and(PEERING_ROUTE.CHANGE.isNull())
                    .and(PEERING_ROUTE.SIDE.eq(route.side().name()))
                    .and(PEERING_ROUTE.ROUTE_TABLE_ID.eq(route.routeTableId()))
                    .and(PEERING_ROUTE.DESTINATION_CIDR.eq(route.destinationCidr()))
                    .execute();
        }
        for (PlannedRule rule : rules) {
            db.update(PEERING_RULE).set(PEERING_RULE.CHANGE, "REMOVE")
                    .where(PEERING_RULE.REQUEST_ID.eq(id.value())).and(PEERING_RULE.CHANGE.isNull())
                    .and(PEERING_RULE.SIDE.eq(rule.side().name()))
                    .and(PEERING_RULE.SECURITY_GROUP_ID.eq(rule.securityGroupId()))
                    .and(PEERING_RULE.PROTOCOL.eq(rule.protocol()))
                    .and(PEERING_RULE.FROM_PORT.isNotDistinctFrom(rule.fromPort()))
                    .and(PEERING_RULE.TO_PORT.isNotDistinctFrom(rule.toPort()))
                    .and(PEERING_RULE.SOURCE_CIDR.eq(rule.sourceCidr()))
                    .execute();
        }
    }

    /** Any request, whoever's: for the workflow's steps, which act for both parties. */
    Optional<StoredRequest> find(PeeringRequestId id) {
        return byId.fetch(db, id.value()).stream().findFirst().map(this::withPlan);
    }

    /** A request of which {@code viewer} is a party. */
    Optional<StoredRequest> find(TenantId viewer, PeeringRequestId id) {
        return byIdForParty.fetch(db, id.value(), viewer.value(), viewer.value()).stream().findFirst().map(this::withPlan);
    }

    Optional<PeeringRequestId> findByIdempotencyKey(TenantId requester, String key) {
        return db.select(PEERING_REQUEST.ID).from(PEERING_REQUEST)
                .where(PEERING_REQUEST.REQUESTER_TENANT_ID.eq(requester.value()))
                .and(PEERING_REQUEST.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new PeeringRequestId(r.value1()));
    }

    /**
     * The tenant's requests in both directions, newest first. Each side is read on its own, so that
     * each read uses its side's index on tenant and state.
     */
    List<PeeringRow> findRows(TenantId tenant, PeeringFilter filter) {
        Condition where = noCondition();
        if (filter.state() != null) {
            where = where.and(PEERING_REQUEST.STATE.eq(filter.state().name()));
        }
        if (filter.openOnly()) {
            where = where.and(PEERING_REQUEST.STATE.in(names(open())));
        }
        var waitingSince = field(select(PEERING_CLOUD_WAIT.SINCE).from(PEERING_CLOUD_WAIT)
                .where(PEERING_CLOUD_WAIT.REQUEST_ID.eq(PEERING_REQUEST.ID))).as("waiting_since");
        List<PeeringRow> rows = new ArrayList<>();
        for (PeeringSide side : filter.side() == null ? PeeringSide.values() : new PeeringSide[]{filter.side()}) {
            var tenantOfSide = side == PeeringSide.REQUESTER ? PEERING_REQUEST.REQUESTER_TENANT_ID
                    : PEERING_REQUEST.ACCEPTER_TENANT_ID;
            request(waitingSince).where(tenantOfSide.eq(tenant.value())).and(where)
                    .fetch(rec -> row(toRequest(rec, List.of(), List.of(), List.of()), side, instant(rec.get(waitingSince))))
                    .stream().filter(row -> !filter.waitingOnMe() || row.waitingOnYou())
                    .forEach(rows::add);
        }
        rows.sort(Comparator.comparing(PeeringRow::createdAt).reversed().thenComparing(row -> row.id().value()));
        return rows;
    }

    /** Open requests between the two VPCs, in either direction, except {@code except}: their ids and states. */
    List<PeeringCheck.Existing> findOpenBetween(VpcId a, VpcId b, PeeringRequestId except) {
        var open = PEERING_REQUEST.STATE.in(names(open())).and(not(except));
        return db.select(PEERING_REQUEST.ID, PEERING_REQUEST.STATE, PEERING_REQUEST.CREATED_AT).from(PEERING_REQUEST)
                .where(PEERING_REQUEST.REQUESTER_VPC_ID.eq(a.value())).and(PEERING_REQUEST.ACCEPTER_VPC_ID.eq(b.value()))
                .and(open)
                .unionAll(select(PEERING_REQUEST.ID, PEERING_REQUEST.STATE, PEERING_REQUEST.CREATED_AT).from(PEERING_REQUEST)
                        .where(PEERING_REQUEST.REQUESTER_VPC_ID.eq(b.value()))
                        .and(PEERING_REQUEST.ACCEPTER_VPC_ID.eq(a.value())).and(open))
                .orderBy(3)
                .fetch(r -> new PeeringCheck.Existing(new PeeringRequestId(r.value1()), PeeringState.valueOf(r.value2())));
    }

    /**
     * Locks the cloud account of the tenant's {@code vpc} until the transaction ends (nothing when the VPC is
     * not the tenant's): filings from the account's VPCs then count its requests awaiting acceptance, and look
     * for an open request of the same pair, one after the other rather than each before the other's insert.
     */
    void lockAccountOf(TenantId tenant, VpcId vpc) {
        db.select(CLOUD_ACCOUNT.ID).from(CLOUD_ACCOUNT)
                .where(CLOUD_ACCOUNT.ID.eq(select(VPC.ACCOUNT_ID).from(VPC)
                        .where(VPC.ID.eq(vpc.value())).and(VPC.TENANT_ID.eq(tenant.value()))))
                .forUpdate()
                .fetch();
    }

    /**
     * Requests awaiting acceptance (the cloud's outstanding requests) made from any VPC in the same
     * account and region as {@code vpc}, except {@code except}: the cloud's quota counts them together.
     */
    int countOutstandingFromAccountOf(VpcId vpc, PeeringRequestId except) {
        Vpc requester = VPC.as("requester");
        return db.fetchCount(PEERING_REQUEST.join(VPC).on(VPC.ID.eq(PEERING_REQUEST.REQUESTER_VPC_ID)),
                DSL.row(VPC.ACCOUNT_ID, VPC.REGION).eq(select(requester.ACCOUNT_ID, requester.REGION).from(requester)
                        .where(requester.ID.eq(vpc.value())))
                        .and(PEERING_REQUEST.STATE.in(names(OUTSTANDING))).and(not(except)));
    }

    /** Peerings of the VPC, on either side, that are accepted or being built, except {@code except}. */
    int countEstablished(VpcId vpc, PeeringRequestId except) {
        // a VPC never peers with itself: the two sides' counts do not overlap; each uses its side's index
        var established = PEERING_REQUEST.STATE.in(names(ESTABLISHED)).and(not(except));
        return db.fetchCount(PEERING_REQUEST, PEERING_REQUEST.REQUESTER_VPC_ID.eq(vpc.value()).and(established))
                + db.fetchCount(PEERING_REQUEST, PEERING_REQUEST.ACCEPTER_VPC_ID.eq(vpc.value()).and(established));
    }

    /** Open requests and peerings under the contract, except {@code except}. */
    int countOpenUnder(ContractId contract, PeeringRequestId except) {
        return db.fetchCount(PEERING_REQUEST, PEERING_REQUEST.CONTRACT_ID.eq(contract.value())
                .and(PEERING_REQUEST.STATE.in(names(open()))).and(not(except)));
    }

    // ---- changes: each one conditional on the version the caller read ----

    boolean moveTo(StoredRequest r, PeeringState to, Instant at) {
        return change(r, to, at, u -> u);
    }

    boolean recordConnection(StoredRequest r, String pcxId, Instant expiresAt, PeeringState to, Instant at) {
        return change(r, to, at, u -> u.set(PEERING_REQUEST.PCX_ID, pcxId)
                .set(PEERING_REQUEST.CONNECTION_EXPIRES_AT, utc(expiresAt)));
    }

    boolean recordApproval(StoredRequest r, PeeringDecision d, PeeringState to, Instant at) {
        return change(r, to, at, u -> u.set(PEERING_REQUEST.DECISION, d.approved() ? "APPROVED" : "REJECTED")
                .set(PEERING_REQUEST.DECIDED_BY, d.decidedBy()).set(PEERING_REQUEST.DECIDED_AT, utc(d.decidedAt()))
                .set(PEERING_REQUEST.DECISION_REASON, d.reason()));
    }

    boolean recordReview(StoredRequest r, PeeringDecision d, PeeringState to, Instant at) {
        return change(r, to, at, u -> u.set(PEERING_REQUEST.REVIEW_DECISION, d.approved() ? "APPROVED" : "REJECTED")
                .set(PEERING_REQUEST.REVIEW_DECIDED_BY, d.decidedBy())
                .set(PEERING_REQUEST.REVIEW_DECIDED_AT, utc(d.decidedAt()))
                .set(PEERING_REQUEST.REVIEW_REASON, d.reason()));
    }

    boolean recordClosing(StoredRequest r, StoredRequest.Closing closing, PeeringState to, Instant at) {
        return change(r, to, at, u -> u.set(PEERING_REQUEST.CLOSING_REQUESTED_BY, closing.requestedBy())
                .set(PEERING_REQUEST.CLOSING_REQUESTED_AT, utc(closing.requestedAt()))
                .set(PEERING_REQUEST.CLOSING_REASON, closing.reason()));
    }

    /** A new pending change: the last change's decision and outcome are cleared. */
    boolean recordChange(StoredRequest r, StoredRequest.Change c, Instant at) {
        return change(r, PeeringState.CHANGING, at, u -> u.set(PEERING_REQUEST.CHANGE_ID, c.id().value())
                .set(PEERING_REQUEST.CHANGE_SIDE, c.side().name())
                .set(PEERING_REQUEST.CHANGE_REQUESTED_BY, c.requestedBy())
                .set(PEERING_REQUEST.CHANGE_REQUESTED_AT, utc(c.requestedAt()))
                .set(PEERING_REQUEST.CHANGE_REASON, c.reason())
                .set(PEERING_REQUEST.CHANGE_DECISION, (String) null)
                .set(PEERING_REQUEST.CHANGE_DECIDED_BY, (String) null)
                .set(PEERING_REQUEST.CHANGE_DECIDED_AT, (OffsetDateTime) null)
                .set(PEERING_REQUEST.CHANGE_DECISION_REASON, (String) null)
                .set(PEERING_REQUEST.CHANGE_REVIEW_NEEDED, false)
                .set(PEERING_REQUEST.CHANGE_REVIEW_DECISION, (String) null)
                .set(PEERING_REQUEST.CHANGE_REVIEW_DECIDED_BY, (String) null)
                .set(PEERING_REQUEST.CHANGE_REVIEW_DECIDED_AT, (OffsetDateTime) null)
                .set(PEERING_REQUEST.CHANGE_REVIEW_REASON, (String) null)
                .set(PEERING_REQUEST.CHANGE_OUTCOME, (String) null)
                .set(PEERING_REQUEST.CHANGE_OUTCOME_REASON, (String) null));
    }

    /** The other side's decision on the pending change, and whether its security review follows; the state stays CHANGING. */
    boolean recordChangeDecision(StoredRequest r, PeeringDecision d, boolean reviewNeeded, Instant at) {
        return change(r, PeeringState.CHANGING, at, u -> u
                .set(PEERING_REQUEST.CHANGE_DECISION, d.approved() ? "APPROVED" : "REJECTED")
                .set(PEERING_REQUEST.CHANGE_DECIDED_BY, d.decidedBy())
                .set(PEERING_REQUEST.CHANGE_DECIDED_AT, utc(d.decidedAt()))
                .set(PEERING_REQUEST.CHANGE_DECISION_REASON, d.reason())
                .set(PEERING_REQUEST.CHANGE_REVIEW_NEEDED, reviewNeeded));
    }

    /** The other side's security review of the approved change; the state stays CHANGING. */
    boolean recordChangeReview(StoredRequest r, PeeringDecision d, Instant at) {
        return change(r, PeeringState.CHANGING, at, u -> u
                .set(PEERING_REQUEST.CHANGE_REVIEW_DECISION, d.approved() ? "APPROVED" : "REJECTED")
                .set(PEERING_REQUEST.CHANGE_REVIEW_DECIDED_BY, d.decidedBy())
                .set(PEERING_REQUEST.CHANGE_REVIEW_DECIDED_AT, utc(d.decidedAt()))
                .set(PEERING_REQUEST.CHANGE_REVIEW_REASON, d.reason()));
    }

    /**
     * Ends the pending change (state ACTIVE): APPLIED makes its additions part of the plan and drops
     * its removals; REVERTED drops its additions and keeps what it would have removed. Either way no
     * marker is left. False (and nothing written) if the request changed since {@code r} was read.
     */
    boolean endChange(StoredRequest r, boolean applied, String reason, Instant at) {
        boolean ended = change(r, PeeringState.ACTIVE, at, u -> u
                .set(PEERING_REQUEST.CHANGE_OUTCOME, applied ? "APPLIED" : "REVERTED")
                .set(PEERING_REQUEST.CHANGE_OUTCOME_REASON, cut(reason, 2000)));
        if (!ended) {
            return false;
        }
        String dropped = applied ? "REMOVE" : "ADD";
        db.deleteFrom(PEERING_ROUTE).where(PEERING_ROUTE.REQUEST_ID.eq(r.id().value()))
                .and(PEERING_ROUTE.CHANGE.eq(dropped)).execute();
        db.deleteFrom(PEERING_RULE).where(PEERING_RULE.REQUEST_ID.eq(r.id().value()))
                .and(PEERING_RULE.CHANGE.eq(dropped)).execute();
        db.update(PEERING_ROUTE).set(PEERING_ROUTE.CHANGE, (String) null)
                .where(PEERING_ROUTE.REQUEST_ID.eq(r.id().value())).and(PEERING_ROUTE.CHANGE.isNotNull()).execute();
        db.update(PEERING_RULE).set(PEERING_RULE.CHANGE, (String) null)
                .where(PEERING_RULE.REQUEST_ID.eq(r.id().value())).and(PEERING_RULE.CHANGE.isNotNull()).execute();
        return true;
    }

    boolean recordFailure(StoredRequest r, String reason, Instant at) {
        return change(r, PeeringState.FAILED, at, u -> u.set(PEERING_REQUEST.FAILURE_REASON, cut(reason, 2000)));
    }

    void insertApplied(PeeringRequestId id, AppliedEntry e) {
        db.insertInto(PEERING_APPLIED)
                .set(PEERING_APPLIED.ID, e.id()).set(PEERING_APPLIED.REQUEST_ID, id.value())
                .set(PEERING_APPLIED.SEQ, nextSeq(id, PEERING_APPLIED.REQUEST_ID, PEERING_APPLIED.SEQ))
                .set(PEERING_APPLIED.KIND, e.kind().name()).set(PEERING_APPLIED.SIDE, e.side().name())
                .set(PEERING_APPLIED.RESOURCE_ID, e.resourceId()).set(PEERING_APPLIED.CIDR, e.cidr())
                .set(PEERING_APPLIED.TARGET, e.target()).set(PEERING_APPLIED.PROTOCOL, e.protocol())
                .set(PEERING_APPLIED.FROM_PORT, e.fromPort()).set(PEERING_APPLIED.TO_PORT, e.toPort())
                .set(PEERING_APPLIED.CLOUD_RULE_ID, e.cloudRuleId()).set(PEERING_APPLIED.APPLIED_AT, utc(e.appliedAt()))
                .execute();
    }

    void markRemoved(UUID appliedId, Instant at) {
        db.update(PEERING_APPLIED).set(PEERING_APPLIED.REMOVED_AT, utc(at))
                .where(PEERING_APPLIED.ID.eq(appliedId)).and(PEERING_APPLIED.REMOVED_AT.isNull())
                .execute();
    }

    /** Replaces the request's earlier check run of the same kind and stage with {@code results}. */
    void replaceChecks(PeeringRequestId id, PeeringCheckResult.Kind kind, PeeringCheckResult.Stage stage,
                       List<PeeringCheckResult> results) {
        db.deleteFrom(PEERING_CHECK).where(PEERING_CHECK.REQUEST_ID.eq(id.value()))
                .and(PEERING_CHECK.KIND.eq(kind.name())).and(PEERING_CHECK.STAGE.eq(stage.name())).execute();
        int seq = nextSeq(id, PEERING_CHECK.REQUEST_ID, PEERING_CHECK.SEQ);
        for (PeeringCheckResult result : results) {
            db.insertInto(PEERING_CHECK).set(PEERING_CHECK.REQUEST_ID, id.value()).set(PEERING_CHECK.SEQ, seq++)
                    .set(PEERING_CHECK.KIND, kind.name()).set(PEERING_CHECK.STAGE, stage.name())
                    .set(PEERING_CHECK.OUTCOME, result.outcome().name()).set(PEERING_CHECK.SUBJECT, cut(result.subject(), 1000))
                    .set(PEERING_CHECK.DETAIL, cut(result.detail(), 2000)).set(PEERING_CHECK.CHECKED_AT, utc(result.checkedAt()))
                    .execute();
        }
    }

    /** The request's checks in the order they ran. */
    List<PeeringCheckResult> checks(PeeringRequestId id) {
        return db.selectFrom(PEERING_CHECK).where(PEERING_CHECK.REQUEST_ID.eq(id.value())).orderBy(PEERING_CHECK.SEQ)
                .fetch(c -> new PeeringCheckResult(PeeringCheckResult.Kind.valueOf(c.getKind()),
                        PeeringCheckResult.Stage.valueOf(c.getStage()), PeeringCheckResult.Outcome.valueOf(c.getOutcome()),
                        c.getSubject(), c.getDetail(), c.getCheckedAt().toInstant()));
    }

    private boolean change(StoredRequest r, PeeringState to, Instant at,
                           UnaryOperator<UpdateSetMoreStep<PeeringRequestRecord>> more) {
        var update = db.update(PEERING_REQUEST)
                .set(PEERING_REQUEST.STATE, to.name())
                .set(PEERING_REQUEST.UPDATED_AT, utc(at))
                .set(PEERING_REQUEST.VERSION, PEERING_REQUEST.VERSION.plus(1));
        return more.apply(update)
                .where(PEERING_REQUEST.ID.eq(r.id().value())).and(PEERING_REQUEST.VERSION.eq(r.version()))
                .execute() == 1;
    }

    // ---- reading ----

    /** The requests with their tenants' names and {@code more} fields; the plan and applied entries are read apart. */
    private SelectOnConditionStep<Record> request(Field<?>... more) {
        return db.select(PEERING_REQUEST.fields()).select(REQUESTER_TENANT.NAME, ACCEPTER_TENANT.NAME)
                .select(more)
                .from(PEERING_REQUEST)
                .join(REQUESTER_TENANT).on(REQUESTER_TENANT.ID.eq(PEERING_REQUEST.REQUESTER_TENANT_ID))
                .join(ACCEPTER_TENANT).on(ACCEPTER_TENANT.ID.eq(PEERING_REQUEST.ACCEPTER_TENANT_ID));
    }

    /** The request of {@code r} with its planned routes and rules and its applied entries, each in plan order. */
    private StoredRequest withPlan(Record r) {
        UUID id = r.get(PEERING_REQUEST.ID);
        List<Planned<PlannedRoute>> routes = routesOf.fetch(db, id).map(x -> new Planned<>(new PlannedRoute(
                PeeringSide.valueOf(x.get(PEERING_ROUTE.SIDE)), x.get(PEERING_ROUTE.ROUTE_TABLE_ID),
                x.get(PEERING_ROUTE.DESTINATION_CIDR)), x.get(PEERING_ROUTE.CHANGE)));
        List<Planned<PlannedRule>> rules = rulesOf.fetch(db, id).map(x -> new Planned<>(new PlannedRule(
                PeeringSide.valueOf(x.get(PEERING_RULE.SIDE)), x.get(PEERING_RULE.SECURITY_GROUP_ID),
                x.get(PEERING_RULE.PROTOCOL), x.get(PEERING_RULE.FROM_PORT), x.get(PEERING_RULE.TO_PORT),
                x.get(PEERING_RULE.SOURCE_CIDR)), x.get(PEERING_RULE.CHANGE)));
        List<AppliedEntry> applied = appliedOf.fetch(db, id).map(x -> new AppliedEntry(x.get(PEERING_APPLIED.ID),
                AppliedEntry.Kind.valueOf(x.get(PEERING_APPLIED.KIND)), PeeringSide.valueOf(x.get(PEERING_APPLIED.SIDE)),
                x.get(PEERING_APPLIED.RESOURCE_ID), x.get(PEERING_APPLIED.CIDR), x.get(PEERING_APPLIED.TARGET),
                x.get(PEERING_APPLIED.PROTOCOL), x.get(PEERING_APPLIED.FROM_PORT), x.get(PEERING_APPLIED.TO_PORT),
                x.get(PEERING_APPLIED.CLOUD_RULE_ID), x.get(PEERING_APPLIED.APPLIED_AT).toInstant(),
                instant(x.get(PEERING_APPLIED.REMOVED_AT))));
        return toRequest(r, routes, rules, applied);
    }

    private static StoredRequest toRequest(Record r, List<Planned<PlannedRoute>> routes, List<Planned<PlannedRule>> rules,
                                           List<AppliedEntry> applied) {
        var p = PEERING_REQUEST;
        StoredRequest.Party requester = new StoredRequest.Party(new TenantId(r.get(p.REQUESTER_TENANT_ID)),
                new CloudAccountId(r.get(p.REQUESTER_ACCOUNT_ID)),
                new PeeringEnd(r.get(REQUESTER_TENANT.NAME), r.get(p.REQUESTER_ACCOUNT_NUMBER),
                        r.get(p.REQUESTER_CLOUD_VPC_ID), r.get(p.REQUESTER_VPC_NAME), r.get(p.REQUESTER_REGION),
                        split(r.get(p.REQUESTER_CIDRS)), new VpcId(r.get(p.REQUESTER_VPC_ID))));
        StoredRequest.Party accepter = new StoredRequest.Party(new TenantId(r.get(p.ACCEPTER_TENANT_ID)),
                new CloudAccountId(r.get(p.ACCEPTER_ACCOUNT_ID)),
                new PeeringEnd(r.get(ACCEPTER_TENANT.NAME), r.get(p.ACCEPTER_ACCOUNT_NUMBER),
                        r.get(p.ACCEPTER_CLOUD_VPC_ID), r.get(p.ACCEPTER_VPC_NAME), r.get(p.ACCEPTER_REGION),
                        split(r.get(p.ACCEPTER_CIDRS)), new VpcId(r.get(p.ACCEPTER_VPC_ID))));
        return new StoredRequest(new PeeringRequestId(r.get(p.ID)), new ContractId(r.get(p.CONTRACT_ID)), requester,
                accepter, PeeringState.valueOf(r.get(p.STATE)), r.get(p.PCX_ID), instant(r.get(p.CONNECTION_EXPIRES_AT)),
                r.get(p.CREATED_BY), r.get(p.CREATED_AT).toInstant(), r.get(p.UPDATED_AT).toInstant(),
                decision(r.get(p.DECISION), r.get(p.DECIDED_BY), r.get(p.DECIDED_AT), r.get(p.DECISION_REASON)),
                decision(r.get(p.REVIEW_DECISION), r.get(p.REVIEW_DECIDED_BY), r.get(p.REVIEW_DECIDED_AT),
                        r.get(p.REVIEW_REASON)),
                r.get(p.CLOSING_REQUESTED_AT) == null ? null : new StoredRequest.Closing(r.get(p.CLOSING_REQUESTED_BY),
                        r.get(p.CLOSING_REQUESTED_AT).toInstant(), r.get(p.CLOSING_REASON)),
                r.get(p.CHANGE_ID) == null ? null : new StoredRequest.Change(new ChangeId(r.get(p.CHANGE_ID)),
                        PeeringSide.valueOf(r.get(p.CHANGE_SIDE)), r.get(p.CHANGE_REQUESTED_BY),
                        instant(r.get(p.CHANGE_REQUESTED_AT)), r.get(p.CHANGE_REASON),
                        decision(r.get(p.CHANGE_DECISION), r.get(p.CHANGE_DECIDED_BY), r.get(p.CHANGE_DECIDED_AT),
                                r.get(p.CHANGE_DECISION_REASON)),
                        r.get(p.CHANGE_REVIEW_NEEDED),
                        decision(r.get(p.CHANGE_REVIEW_DECISION), r.get(p.CHANGE_REVIEW_DECIDED_BY),
                                r.get(p.CHANGE_REVIEW_DECIDED_AT), r.get(p.CHANGE_REVIEW_REASON)),
                        r.get(p.CHANGE_OUTCOME), r.get(p.CHANGE_OUTCOME_REASON)),
                r.get(p.FAILURE_REASON), r.get(p.VERSION), routes, rules, applied);
    }

    private static PeeringRow row(StoredRequest r, PeeringSide side, Instant waitingForCloudSince) {
        PeeringEnd partner = r.party(side.other()).end();
        WaitingOn waiting = r.waitingOn();
        boolean yours = (waiting == WaitingOn.ACCEPTER && side == PeeringSide.ACCEPTER)
                || (waiting == WaitingOn.REQUESTER && side == PeeringSide.REQUESTER);
        return new PeeringRow(r.id(), side, partner.tenantName(), r.requester().end().vpcLabel(),
                r.accepter().end().vpcLabel(), r.requester().end().region(), r.accepter().end().region(), r.state(),
                waiting, yours, r.pcxId(), r.createdAt(), r.updatedAt(), waitingForCloudSince);
    }

    private static PeeringDecision decision(String outcome, String by, OffsetDateTime at, String reason) {
        return outcome == null ? null : new PeeringDecision("APPROVED".equals(outcome), by, at.toInstant(), reason);
    }

    private int nextSeq(PeeringRequestId id, TableField<?, UUID> requestId, TableField<?, Integer> seq) {
        return db.select(coalesce(max(seq), val(-1))).from(requestId.getTable())
                .where(requestId.eq(id.value())).fetchOne(0, Integer.class) + 1;
    }

    private static Condition not(PeeringRequestId except) {
        return except == null ? noCondition() : PEERING_REQUEST.ID.ne(except.value());
    }

    static Set<PeeringState> open() {
        EnumSet<PeeringState> open = EnumSet.noneOf(PeeringState.class);
        Arrays.stream(PeeringState.values()).filter(s -> !s.terminal()).forEach(open::add);
        return open;
    }

    private static List<String> names(Set<PeeringState> states) {
        return states.stream().map(Enum::name).toList();
    }

    private static List<String> split(String cidrs) {
        return cidrs.isBlank() ? List.of() : List.of(cidrs.split(" "));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}

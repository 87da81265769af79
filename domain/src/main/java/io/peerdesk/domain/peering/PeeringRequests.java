package io.peerdesk.domain.peering;

import io.peerdesk.domain.audit.AuditEvent;
import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.cloud.CidrBlock;
import io.peerdesk.domain.cloud.Vpc;
import io.peerdesk.domain.contract.Contract;
import io.peerdesk.domain.contract.ContractId;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.TenantVpc;
import io.peerdesk.domain.inventory.VpcDetail;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.peering.Drafts.Draft;
import io.peerdesk.domain.peering.PeeringEvents.PeeringRequested;
import io.peerdesk.domain.peering.PeeringCheckResult.Kind;
import io.peerdesk.domain.peering.PeeringCheckResult.Outcome;
import io.peerdesk.domain.peering.PeeringCheckResult.Stage;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Peering requests for the pages and the API. A requester files a request from one of its VPCs to
 * a partner's VPC under an active contract; everything is checked before anything is stored, and
 * nothing touches the cloud here: the workflow ({@link PeeringLifecycle}) does that. Both parties
 * see a request (each its shared view); any other tenant finds nothing. Cancellation, teardown and
 * changes are asked for here and carried out by the workflow.
 */
@Service
public class PeeringRequests {

    /** How often a submission that raced another with its key tries again before giving up. */
    private static final int RACE_ATTEMPTS = 3;
    private static final int MAX_KEY = 100;

    private final PeeringRepository requests;
    private final Drafts drafts;
    private final Inventory inventory;
    private final Contracts contracts;
    private final Closings closings;
    private final PeeringNews news;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PeeringRequests(PeeringRepository requests, Drafts drafts, Inventory inventory, Contracts contracts, Closings closings,
                    PeeringNews news, AuditLog audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.requests = requests;
        this.drafts = drafts;
        this.inventory = inventory;
        this.contracts = contracts;
        this.closings = closings;
        this.news = news;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The problems of a draft, for the wizard's live checks; stores nothing. Empty: it can be filed. */
    @Transactional(readOnly = true)
    public List<PeeringProblem> validate(Actor actor, NewPeeringRequest draft) {
        actor.require(Role.REQUESTER);
        return drafts.check(actor, draft).problems();
    }

    /**
     * Files a request (state SUBMITTED) if every check passes, else throws {@link InvalidInput} with
     * a message per part of the request and stores nothing. The same {@code idempotencyKey} from the
     * same tenant answers with the request it filed first: a double submit files one request.
     */
    public PeeringRequest submit(Actor actor, NewPeeringRequest request, String idempotencyKey) {
        actor.require(Role.REQUESTER);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > MAX_KEY) {
            throw new InvalidInput("idempotencyKey", "At most " + MAX_KEY + " characters.");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(s -> submitOnce(actor, request, key));
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                // the same key came in at the same moment (PostgreSQL reports the unique key, H2 the concurrent
                // insert of it): answer with the request the other submission filed, once it has committed
                if (key == null || attempt == RACE_ATTEMPTS) {
                    throw e;
                }
                var earlier = transactions.execute(s -> filed(actor, key));
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
        }
    }

    private PeeringRequest submitOnce(Actor actor, NewPeeringRequest request, String key) {
        if (request.requesterVpc() != null) {
            // two filings at the same moment must not both take the account's last place awaiting acceptance
            requests.lockAccountOf(actor.tenant(), request.requesterVpc());
        }
        var earlier = filed(actor, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Draft draft = drafts.check(actor, request);
        if (!draft.problems().isEmpty()) {
            // a submission with the same key that committed meanwhile is this request, not a second one for the pair
            return filed(actor, key).orElseThrow(() -> invalid(draft.problems()));
        }
        StoredRequest stored = stored(actor, draft);
        requests.insert(stored, key);
        requests.replaceChecks(stored.id(), Kind.VALIDATION, Stage.FILING, List.of(new PeeringCheckResult(Kind.VALIDATION,
                Stage.FILING, Outcome.PASSED, PeeringCheck.WHAT, null, stored.createdAt())));
        news.record(actor, stored, "peering.requested", actor.name() + " requested " + PeeringNews.pair(stored) + ": "
                + String.join(", ", stored.routes().stream().map(PlannedRoute::label).toList())
                + (stored.rules().isEmpty() ? "" : "; " + String.join(", ", stored.rules().stream().map(PlannedRule::label).toList())));
        news.publish(new PeeringRequested(stored.id()));
        return get(actor, stored.id());
    }

    /** The request the actor's tenant filed with {@code idempotencyKey}, if any. */
    @Transactional(readOnly = true)
    public Optional<PeeringRequest> filedWith(Actor actor, String idempotencyKey) {
        return filed(actor, idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip());
    }

    /** The request the actor's tenant filed with the (stripped) {@code key}; none without a key. */
    private Optional<PeeringRequest> filed(Actor actor, String key) {
        return key == null ? Optional.empty() : requests.findByIdempotencyKey(actor.tenant(), key).map(id -> get(actor, id));
    }

    /** A request the actor's tenant is a party of, as that party sees it. */
    @Transactional(readOnly = true)
    public PeeringRequest get(Actor actor, PeeringRequestId id) {
        return find(actor, id).viewedBy(actor.tenant(), requests.checks(id));
    }

    /** The request's timeline: every event on it, newest first, as both parties see them. */
    @Transactional(readOnly = true)
    public List<AuditEvent> timeline(Actor actor, PeeringRequestId id) {
        find(actor, id);
        return audit.forObject(actor.tenant(), PeeringNews.OBJECT_TYPE, id);
    }

    /** The tenant's requests in both directions (or as filtered), newest first, with whose move it is. */
    @Transactional(readOnly = true)
    public List<PeeringRow> list(Actor actor, PeeringFilter filter) {
        return requests.findRows(actor.tenant(), filter == null ? PeeringFilter.all() : filter);
    }

    /**
     * The partner's VPCs a requester may peer with under the contract: those in the contract's
     * regions, with id, name, region and CIDR blocks only.
     */
    @Transactional(readOnly = true)
    public List<PartnerVpc> partnerVpcs(Actor actor, ContractId contractId) {
        Contract contract = contracts.get(actor, contractId);
        var partner = contract.counterpart(actor.tenant());
        if (!contracts.inForce(contract)) {
            throw new Conflict("The contract \"" + contract.title() + "\" is not in force: partners share their VPCs"
                    + " only under an active contract.");
        }
        return inventory.vpcsOf(partner.id(), contract.terms().regions()).stream()
                .map(v -> new PartnerVpc(v.id(), v.cloudId(), v.name(), v.region(), v.cidrBlocks())).toList();
    }

    /**
     * What the wizard proposes for a pair: on each side a route per route table to each block of the
     * other VPC the contract lets the other side expose, and the tables and groups of both sides.
     * The partner's VPC must be shared with the actor's tenant under an active contract.
     */
    @Transactional(readOnly = true)
    public PeeringSuggestion suggestRoutes(Actor actor, VpcId requesterVpc, VpcId accepterVpc) {
        return suggestRoutes(actor, null, requesterVpc, accepterVpc);
    }

    /**
     * As {@link #suggestRoutes(Actor, VpcId, VpcId)}, under the chosen contract (the two tenants may
     * hold several): its prefixes decide what is suggested. A contract that is not an active one
     * between the two is "not found"; {@code null} takes the first active one.
     */
    @Transactional(readOnly = true)
    public PeeringSuggestion suggestRoutes(Actor actor, ContractId contract, VpcId requesterVpc, VpcId accepterVpc) {
        VpcDetail own = inventory.vpc(actor, requesterVpc);
        TenantVpc theirs = inventory.vpcOfAnyTenant(accepterVpc).filter(v -> !v.tenant().equals(actor.tenant()))
                .filter(v -> !contracts.activeBetween(actor.tenant(), v.tenant()).isEmpty())
                .orElseThrow(() -> new NotFound("VPC", accepterVpc));
        var terms = contracts.activeBetween(actor.tenant(), theirs.tenant()).stream()
                .filter(t -> contract == null || t.id().equals(contract))
                .findFirst().orElseThrow(() -> new NotFound("Contract", contract));
        return Suggestions.of(own.vpc(), theirs.detail().vpc(), actor.tenant(), theirs.tenant(), terms);
    }

    /** The requester asks to cancel a request not yet provisioned; the workflow deletes the connection. */
    @Transactional
    public PeeringRequest requestCancel(Actor actor, PeeringRequestId id, String reason) {
        closings.cancel(actor, find(actor, id), reason);
        return get(actor, id);
    }

    /** Either party asks to tear an active peering down (state TEARING_DOWN); the workflow removes it from the cloud. */
    @Transactional
    public PeeringRequest requestTeardown(Actor actor, PeeringRequestId id, String reason) {
        closings.tearDown(actor, find(actor, id), reason);
        return get(actor, id);
    }

    /**
     * Either party proposes to add or remove routes and rules of an active peering (state CHANGING);
     * additions are checked like a new request's. The other side approves it in the workflow: the
     * change is recorded under a new {@link ChangeId}, in the returned request's
     * {@code pendingChange().id()}, which is the id to start the change process with.
     */
    @Transactional
    public PeeringRequest requestChange(Actor actor, PeeringRequestId id, PeeringChange change) {
        closings.change(actor, find(actor, id), change);
        return get(actor, id);
    }

    /**
     * The route tables and security groups of the peering's two VPCs, with their names, for either
     * party: to name them on the peering's page and to choose from for a change; none of a VPC the
     * inventory no longer has.
     */
    @Transactional(readOnly = true)
    public PeeringTargets targets(Actor actor, PeeringRequestId id) {
        StoredRequest stored = find(actor, id);
        return Suggestions.targets(vpcOf(stored.requester()), vpcOf(stored.accepter()));
    }

    private Vpc vpcOf(StoredRequest.Party party) {
        return inventory.vpcOfAnyTenant(party.end().vpc()).map(v -> v.detail().vpc()).orElse(null);
    }

    private StoredRequest find(Actor actor, PeeringRequestId id) {
        return requests.find(actor.tenant(), id).orElseThrow(() -> new NotFound("Peering request", id));
    }

    private StoredRequest stored(Actor actor, Draft draft) {
        VpcDetail own = draft.requesterVpc();
        VpcDetail theirs = draft.accepterVpc().detail();
        var requester = new StoredRequest.Party(actor.tenant(), own.accountId(), new PeeringEnd(
                draft.contract().counterpart(draft.accepterVpc().tenant()).name(), own.accountNumber(), own.vpc().vpcId(),
                own.vpc().name(), own.vpc().region(), cidrs(own), own.id()));
        var accepter = new StoredRequest.Party(draft.accepterVpc().tenant(), theirs.accountId(), new PeeringEnd(
                draft.contract().counterpart(actor.tenant()).name(), theirs.accountNumber(), theirs.vpc().vpcId(),
                theirs.vpc().name(), theirs.vpc().region(), cidrs(theirs), theirs.id()));
        List<StoredRequest.Planned<PlannedRoute>> routes = draft.routes().stream()
                .map(r -> new StoredRequest.Planned<>(r, null)).toList();
        List<StoredRequest.Planned<PlannedRule>> rules = draft.rules().stream()
                .map(r -> new StoredRequest.Planned<>(r, null)).toList();
        var now = clock.instant();
        return new StoredRequest(new PeeringRequestId(UUID.randomUUID()), draft.contract().id(), requester, accepter,
                PeeringState.SUBMITTED, null, null, actor.name(), now, now, null, null, null, null, null, 0, routes,
                rules, List.of());
    }

    private static List<String> cidrs(VpcDetail vpc) {
        return vpc.vpc().cidrBlocks().stream().map(CidrBlock::cidr).toList();
    }

    static InvalidInput invalid(List<PeeringProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + " " + b));
        return new InvalidInput(errors);
    }
}

package io.peerdesk.domain.contract;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.domain.support.Validation;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.domain.tenancy.Tenant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Partner contracts. A tenant admin proposes terms to another tenant; that tenant's admin accepts
 * or declines; the proposer may withdraw a proposal; either side may suspend an active contract,
 * and the side that suspended it resumes it. A contract past its last valid day is expired (on
 * every read, and for good by {@link #expireDue()}). Both parties see the contract and every event
 * on it; any other tenant gets "not found".
 */
@Service
@EnableConfigurationProperties(ContractSettings.class)
public class Contracts {

    private static final int MAX_REASON = 500;

    private final ContractRepository contracts;
    private final ContractTermsCheck termsCheck;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;
    private final ContractSettings settings;

    Contracts(ContractRepository contracts, Validation validation, Tenancy tenancy, AuditLog audit, Clock clock,
              ContractSettings settings) {
        this.contracts = contracts;
        this.termsCheck = new ContractTermsCheck(validation);
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** The caller's contracts in both directions, newest first; {@code state} (nullable) filters by the state as of today. */
    @Transactional(readOnly = true)
    public List<Contract> list(Actor actor, ContractState state) {
        LocalDate today = today();
        return contracts.findAllOf(actor.tenant()).stream().map(c -> c.asOf(today))
                .filter(c -> state == null || c.state() == state).toList();
    }

    /** One of the caller's contracts; another tenant's (or no) contract is {@link NotFound}. */
    @Transactional(readOnly = true)
    public Contract get(Actor actor, ContractId id) {
        return contracts.find(actor.tenant(), id).map(c -> c.asOf(today())).orElseThrow(() -> new NotFound("Contract", id));
    }

    @Transactional
    public Contract propose(Actor actor, ContractProposal proposal) {
        actor.require(Role.TENANT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        Tenant partner = partnerOf(actor, proposal.partner(), errors);
        Tenant self = tenancy.tenant(actor.tenant());
        ContractId id = new ContractId(UUID.randomUUID());
        ContractTerms terms = termsCheck.check(proposal, errors, today(), id, party(self), partner == null ? null : party(partner));
        contracts.insert(proposal.title().strip(), terms, actor.name(), now());
        audit.recordShared(actor, terms.partner().id(), "contract.proposed", "contract", id,
                self.name() + " proposed \"" + proposal.title().strip() + "\" to " + terms.partner().name()
                        + ", valid " + terms.validFrom() + " to " + terms.validUntil());
        return get(actor, id);
    }

    @Transactional
    public Contract accept(Actor actor, ContractId id) {
        Contract contract = prepare(actor, id, ContractAction.ACCEPT);
        changed(contracts.decide(id, ContractState.ACTIVE, actor.name(), now(), null));
        return record(actor, contract, "contract.accepted", "accepted by " + partyName(actor, contract));
    }

    @Transactional
    public Contract decline(Actor actor, ContractId id, String reason) {
        String why = reason(reason, false);
        Contract contract = prepare(actor, id, ContractAction.DECLINE);
        changed(contracts.decide(id, ContractState.DECLINED, actor.name(), now(), why));
        return record(actor, contract, "contract.declined", "declined by " + partyName(actor, contract) + because(why));
    }

    @Transactional
    public Contract withdraw(Actor actor, ContractId id, String reason) {
        String why = reason(reason, false);
        Contract contract = prepare(actor, id, ContractAction.WITHDRAW);
        changed(contracts.decide(id, ContractState.WITHDRAWN, actor.name(), now(), why));
        return record(actor, contract, "contract.withdrawn", "withdrawn by " + partyName(actor, contract) + because(why));
    }

    @Transactional
    public Contract suspend(Actor actor, ContractId id, String reason) {
        String why = reason(reason, true);
        Contract contract = prepare(actor, id, ContractAction.SUSPEND);
        changed(contracts.suspend(id, actor.tenant(), actor.name(), now(), why));
        return record(actor, contract, "contract.suspended", "suspended by " + partyName(actor, contract) + because(why));
    }

    @Transactional
    public Contract resume(Actor actor, ContractId id, String reason) {
        String why = reason(reason, false);
        Contract contract = prepare(actor, id, ContractAction.RESUME);
        changed(contracts.resume(id));
        return record(actor, contract, "contract.resumed", "resumed by " + partyName(actor, contract) + because(why));
    }

    /**
     * Marks every open contract past its last valid day as expired and records it for both
     * parties; safe to run on several nodes at once (each contract flips once). Returns how many flipped.
     */
    @Transactional
    public int expireDue() {
        LocalDate today = today();
        int expired = 0;
        for (Contract contract : contracts.findOpenEndedBefore(today)) {
            if (contracts.expire(contract.id(), contract.state(), now())) {
                Actor system = new Actor(contract.proposer().id(), "system", Set.of(), null);
                audit.recordShared(system, contract.partner().id(), "contract.expired", "contract", contract.id(),
                        "expired after its last valid day " + contract.terms().validUntil()
                                + " (was " + contract.state().name().toLowerCase() + ")");
                expired++;
            }
        }
        return expired;
    }

    /**
     * The terms of every contract in force today between the two tenants (accepted, not suspended,
     * within its dates), latest end first; empty when a peering between them has no contract to rely on.
     */
    @Transactional(readOnly = true)
    public List<ContractTerms> activeBetween(TenantId a, TenantId b) {
        return contracts.findBetween(a, b, ContractState.ACTIVE).stream().filter(this::inForce).map(Contract::terms).toList();
    }

    /**
     * The terms of the contract {@code id} if it is between the two tenants and in force today (as
     * {@link #activeBetween} would list it); empty otherwise. Reads that one contract only.
     */
    @Transactional(readOnly = true)
    public Optional<ContractTerms> inForceBetween(TenantId a, TenantId b, ContractId id) {
        return contracts.findBetween(a, b, id).filter(this::inForce).map(Contract::terms);
    }

    /** Whether peerings may rely on {@code contract} today: accepted, not suspended, within its dates. */
    public boolean inForce(Contract contract) {
        LocalDate today = today();
        return contract.asOf(today).inForce(today);
    }

    /** Whether the tenant has an accepted, unexpired, unsuspended contract (in force or starting later). */
    @Transactional(readOnly = true)
    public boolean hasActiveContract(TenantId tenant) {
        return !activeContracts(tenant).isEmpty();
    }

    /** The partners the tenant has an active contract with, and the contact roles shared with each (merged across contracts). */
    @Transactional(readOnly = true)
    public List<PartnerSharing> sharingWith(TenantId tenant) {
        Map<TenantId, Party> partners = new LinkedHashMap<>();
        Map<TenantId, Set<ContactRole>> roles = new LinkedHashMap<>();
        for (Contract contract : activeContracts(tenant)) {
            Party partner = contract.counterpart(tenant);
            partners.putIfAbsent(partner.id(), partner);
            roles.computeIfAbsent(partner.id(), k -> EnumSet.noneOf(ContactRole.class))
                    .addAll(contract.terms().sharedContactRoles());
        }
        return partners.values().stream()
                .sorted((x, y) -> x.name().compareToIgnoreCase(y.name()))
                .map(p -> new PartnerSharing(p, roles.get(p.id()))).toList();
    }

    /** How many days before its end a contract shows as expiring soon ({@code portal.contracts.expiry-warning}). */
    public long expiryWarningDays() {
        return settings.expiryWarning().toDays();
    }

    /** Today's date in the portal's clock (UTC): the day contract dates are compared with. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private List<Contract> activeContracts(TenantId tenant) {
        LocalDate today = today();
        return contracts.findOfInState(tenant, ContractState.ACTIVE).stream()
                .map(c -> c.asOf(today)).filter(c -> c.state() == ContractState.ACTIVE).toList();
    }

    private Contract prepare(Actor actor, ContractId id, ContractAction action) {
        Contract contract = get(actor, id);
        contract.check(action, actor);
        return contract;
    }

    private Contract record(Actor actor, Contract before, String action, String summary) {
        audit.recordShared(actor, before.counterpart(actor.tenant()).id(), action, "contract", before.id(),
                "\"" + before.title() + "\" " + summary);
        return get(actor, before.id());
    }

    private static void changed(boolean updated) {
        if (!updated) {
            throw new Conflict("the contract changed in the meantime; reload it and try again");
        }
    }

    private Tenant partnerOf(Actor actor, TenantId partner, Map<String, String> errors) {
        if (partner == null) {
            return null;
        }
        if (partner.equals(actor.tenant())) {
            errors.put("partner", "choose another organisation: a contract is between two tenants");
            return null;
        }
        try {
            return tenancy.tenant(partner);
        } catch (NotFound e) {
            errors.put("partner", "there is no partner organisation " + partner);
            return null;
        }
    }

    private static String reason(String reason, boolean required) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (required && why == null) {
            throw new InvalidInput("reason", "give a reason: both sides see it");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw new InvalidInput("reason", "at most " + MAX_REASON + " characters");
        }
        return why;
    }

    private static String because(String why) {
        return why == null ? "" : ": " + why;
    }

    private static String partyName(Actor actor, Contract contract) {
        Party party = contract.proposedBy(actor.tenant()) ? contract.proposer() : contract.partner();
        return actor.name() + " of " + party.name();
    }

    private static Party party(Tenant tenant) {
        return new Party(tenant.id(), tenant.slug(), tenant.name());
    }

    private Instant now() {
        return clock.instant();
    }
}

package io.peerdesk.domain.contract;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.DomainException;
import io.peerdesk.domain.support.NotPermitted;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * A partner contract as both parties see it: its terms, its state and who moved it there. The
 * rules of who may change its state, and when, live here so that pages show exactly the actions
 * the service will allow.
 */
public record Contract(ContractId id, String title, ContractState state, ContractTerms terms,
                       String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, String decisionReason,
                       TenantId suspendedByTenant, String suspendedBy, Instant suspendedAt, String suspensionReason,
                       Instant expiredAt) {

    public Party proposer() {
        return terms.proposer();
    }

    public Party partner() {
        return terms.partner();
    }

    public boolean proposedBy(TenantId tenant) {
        return proposer().id().equals(tenant);
    }

    /** The other side, seen from {@code tenant}. */
    public Party counterpart(TenantId tenant) {
        return terms.counterpart(tenant);
    }

    /** The contract as it stands on {@code today}: an open contract past its last valid day is EXPIRED. */
    public Contract asOf(LocalDate today) {
        if (!state.open() || !today.isAfter(terms.validUntil())) {
            return this;
        }
        return new Contract(id, title, ContractState.EXPIRED, terms, proposedBy, proposedAt, decidedBy, decidedAt,
                decisionReason, suspendedByTenant, suspendedBy, suspendedAt, suspensionReason, expiredAt);
    }

    /** Accepted, not suspended, and within its dates on {@code today}: peerings may rely on it. */
    public boolean inForce(LocalDate today) {
        return state == ContractState.ACTIVE && terms.validOn(today);
    }

    /** Days from {@code today} to the last valid day (0 on the last day, negative after it). */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, terms.validUntil());
    }

    /** An agreed (active or suspended) contract whose last valid day is at most {@code warningDays} away. */
    public boolean expiringSoon(LocalDate today, long warningDays) {
        long left = daysLeft(today);
        return (state == ContractState.ACTIVE || state == ContractState.SUSPENDED) && left >= 0 && left <= warningDays;
    }

    /** The actions {@code actor} may take now (call on the contract {@link #asOf} today). */
    public Set<ContractAction> actionsFor(Actor actor) {
        Set<ContractAction> allowed = EnumSet.noneOf(ContractAction.class);
        for (ContractAction action : ContractAction.values()) {
            if (refusal(action, actor) == null) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** Throws the reason {@code actor} may not take {@code action} now: NotPermitted for the wrong person, Conflict for the wrong state. */
    public void check(ContractAction action, Actor actor) {
        DomainException refusal = refusal(action, actor);
        if (refusal != null) {
            throw refusal;
        }
    }

    private DomainException refusal(ContractAction action, Actor actor) {
        if (!actor.has(Role.TENANT_ADMIN)) {
            return new NotPermitted("only a tenant admin can " + action.verb() + " a contract");
        }
        boolean ours = proposedBy(actor.tenant());
        return switch (action) {
            case ACCEPT, DECLINE -> ours
                    ? new NotPermitted("only " + partner().name() + " can " + action.verb() + " this proposal")
                    : expect(ContractState.PROPOSED, action);
            case WITHDRAW -> !ours
                    ? new NotPermitted("only " + proposer().name() + " can withdraw its proposal")
                    : expect(ContractState.PROPOSED, action);
            case SUSPEND -> expect(ContractState.ACTIVE, action);
            case RESUME -> {
                DomainException wrongState = expect(ContractState.SUSPENDED, action);
                if (wrongState != null) {
                    yield wrongState;
                }
                yield suspendedByTenant.equals(actor.tenant()) ? null
                        : new NotPermitted(counterpart(actor.tenant()).name() + " suspended this contract; only they can resume it");
            }
        };
    }

    private DomainException expect(ContractState required, ContractAction action) {
        if (state == required) {
            return null;
        }
        String now = state == ContractState.EXPIRED
                ? "has expired (its last valid day was " + terms.validUntil() + ")"
                : "is " + state.name().toLowerCase();
        return new Conflict("this contract " + now + ": only a " + required.name().toLowerCase()
                + " contract can be " + past(action));
    }

    private static String past(ContractAction action) {
        return switch (action) {
            case ACCEPT -> "accepted";
            case DECLINE -> "declined";
            case WITHDRAW -> "withdrawn";
            case SUSPEND -> "suspended";
            case RESUME -> "resumed";
        };
    }
}

package io.peerdesk.web.contract;

import io.peerdesk.domain.contract.Contract;
import io.peerdesk.domain.contract.ContractAction;
import io.peerdesk.domain.contract.ContractState;
import io.peerdesk.domain.contract.Party;
import io.peerdesk.domain.support.Actor;

import java.time.LocalDate;
import java.util.Set;

/** A contract as the signed-in tenant's pages show it: from its side, with the actions it may take now. */
record ContractView(Contract contract, Party us, Party them, boolean proposedByUs, long daysLeft, boolean expiringSoon,
                    Set<ContractAction> actions) {

    static ContractView of(Contract contract, Actor actor, LocalDate today, long warningDays) {
        boolean ours = contract.proposedBy(actor.tenant());
        return new ContractView(contract, ours ? contract.proposer() : contract.partner(), contract.counterpart(actor.tenant()),
                ours, contract.daysLeft(today), contract.expiringSoon(today, warningDays), contract.actionsFor(actor));
    }

    /** A proposal made to us that waits for our decision. */
    public boolean awaitingUs() {
        return contract.state() == ContractState.PROPOSED && !proposedByUs;
    }

    public String suspendedByName() {
        if (contract.suspendedByTenant() == null) {
            return null;
        }
        return contract.suspendedByTenant().equals(us.id()) ? us.name() : them.name();
    }

    public boolean can(String action) {
        return actions.contains(ContractAction.valueOf(action));
    }
}

package io.peerdesk.domain.contract;

/**
 * Where a contract is in its life: PROPOSED until the partner accepts (ACTIVE) or declines
 * (DECLINED) or the proposer withdraws it (WITHDRAWN); an ACTIVE contract can be SUSPENDED and
 * resumed; a PROPOSED, ACTIVE or SUSPENDED one becomes EXPIRED after its last valid day.
 */
public enum ContractState {
    PROPOSED, ACTIVE, DECLINED, SUSPENDED, EXPIRED, WITHDRAWN;

    /** Still open: not decided against, not withdrawn, not expired. */
    public boolean open() {
        return this == PROPOSED || this == ACTIVE || this == SUSPENDED;
    }
}

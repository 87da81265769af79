package io.peerdesk.domain.contract;

/** The state changes a tenant admin can make on a contract. */
public enum ContractAction {
    ACCEPT("accept"), DECLINE("decline"), WITHDRAW("withdraw"), SUSPEND("suspend"), RESUME("resume");

    private final String verb;

    ContractAction(String verb) {
        this.verb = verb;
    }

    public String verb() {
        return verb;
    }
}

package io.peerdesk.domain.contract;

import io.peerdesk.domain.support.NotFound;

import java.util.Objects;
import java.util.UUID;

/** The id of a partner contract. */
public record ContractId(UUID value) {

    public ContractId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses an id from a URL or request; text that is no id is simply a contract that does not exist. */
    public static ContractId parse(String text) {
        try {
            return new ContractId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("Contract", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

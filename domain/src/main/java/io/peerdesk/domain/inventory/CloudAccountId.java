package io.peerdesk.domain.inventory;

import io.peerdesk.domain.support.NotFound;

import java.util.Objects;
import java.util.UUID;

/** The portal's id of a registered cloud account (not the cloud's 12-digit account id). */
public record CloudAccountId(UUID value) {

    public CloudAccountId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses an id from a URL; a malformed one names no account, so it is simply not found. */
    public static CloudAccountId parse(String value) {
        try {
            return new CloudAccountId(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("Cloud account", value);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

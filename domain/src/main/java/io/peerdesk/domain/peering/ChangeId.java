package io.peerdesk.domain.peering;

import io.peerdesk.domain.support.NotFound;

import java.util.Objects;
import java.util.UUID;

/** The id of a proposed change of routes or ports on an active peering. */
public record ChangeId(UUID value) {

    public ChangeId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses an id from a URL or a process variable; a malformed one names no change: not found. */
    public static ChangeId parse(String value) {
        try {
            return new ChangeId(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("Change", value);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

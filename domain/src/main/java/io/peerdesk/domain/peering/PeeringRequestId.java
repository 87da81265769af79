package io.peerdesk.domain.peering;

import io.peerdesk.domain.support.NotFound;

import java.util.Objects;
import java.util.UUID;

/** The portal's id of a peering request (and of the peering it becomes). */
public record PeeringRequestId(UUID value) {

    public PeeringRequestId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses an id from a URL or a process variable; a malformed one names no request: not found. */
    public static PeeringRequestId parse(String value) {
        try {
            return new PeeringRequestId(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("Peering request", value);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

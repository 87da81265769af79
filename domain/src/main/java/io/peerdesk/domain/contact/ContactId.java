package io.peerdesk.domain.contact;

import io.peerdesk.domain.support.NotFound;

import java.util.Objects;
import java.util.UUID;

/** The id of a contact. */
public record ContactId(UUID value) {

    public ContactId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses an id from a URL or request; text that is no id is simply a contact that does not exist. */
    public static ContactId parse(String text) {
        try {
            return new ContactId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("Contact", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

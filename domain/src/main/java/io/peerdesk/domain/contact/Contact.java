package io.peerdesk.domain.contact;

import java.time.Instant;

/** A person or team of a tenant to reach for one role, at an escalation tier (1 first), by at least one channel. */
public record Contact(ContactId id, String name, ContactKind kind, ContactRole role, int tier, String email,
                      String phone, String chatUrl, String timeZone, Visibility visibility, String notes,
                      Instant updatedAt) {

    /** Seen by partners whose active contract shares its role. */
    public boolean sharedWithPartners() {
        return visibility == Visibility.PARTNERS;
    }
}

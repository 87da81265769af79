package io.peerdesk.domain.contact;

/** Who sees a contact: only its own tenant, or also partners under an active contract that shares its role. */
public enum Visibility {
    INTERNAL, PARTNERS
}

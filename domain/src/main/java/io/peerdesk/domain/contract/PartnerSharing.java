package io.peerdesk.domain.contract;

import io.peerdesk.domain.contact.ContactRole;

import java.util.Set;

/** A partner the tenant has an active contract with, and the contact roles they share with each other. */
public record PartnerSharing(Party partner, Set<ContactRole> sharedRoles) {

    public PartnerSharing {
        sharedRoles = ContactRole.ordered(sharedRoles);
    }
}

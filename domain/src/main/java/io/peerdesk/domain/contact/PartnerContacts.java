package io.peerdesk.domain.contact;

import io.peerdesk.domain.contract.Party;

import java.util.List;
import java.util.Set;

/** The contacts a partner shares with the caller's tenant under their active contract(s), by role and tier. */
public record PartnerContacts(Party partner, Set<ContactRole> sharedRoles, List<Contact> contacts) {

    public PartnerContacts {
        sharedRoles = ContactRole.ordered(sharedRoles);
        contacts = List.copyOf(contacts);
    }
}

package io.peerdesk.web.contact;

import io.peerdesk.domain.contact.Contact;
import io.peerdesk.domain.contact.ContactDetails;
import io.peerdesk.domain.contact.ContactKind;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contact.Visibility;
import jakarta.validation.constraints.Size;

/** The add/edit contact form. Sizes are capped here; the details are checked by the domain. */
record ContactForm(
        @Size(max = 200, message = "at most 200 characters") String name,
        ContactKind kind,
        ContactRole role,
        Integer tier,
        @Size(max = 254, message = "at most 254 characters") String email,
        @Size(max = 32, message = "at most 32 characters") String phone,
        @Size(max = 500, message = "at most 500 characters") String chatUrl,
        @Size(max = 64, message = "at most 64 characters") String timeZone,
        Visibility visibility,
        @Size(max = 500, message = "at most 500 characters") String notes) {

    static ContactForm empty() {
        return new ContactForm("", ContactKind.PERSON, null, 1, "", "", "", "UTC", Visibility.PARTNERS, "");
    }

    static ContactForm of(Contact c) {
        return new ContactForm(c.name(), c.kind(), c.role(), c.tier(), c.email(), c.phone(), c.chatUrl(), c.timeZone(),
                c.visibility(), c.notes());
    }

    ContactDetails toDetails() {
        return new ContactDetails(name, kind, role, tier, email, phone, chatUrl, timeZone, visibility, notes);
    }
}

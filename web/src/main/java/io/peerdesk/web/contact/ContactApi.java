package io.peerdesk.web.contact;

import io.peerdesk.domain.contact.Contact;
import io.peerdesk.domain.contact.ContactDetails;
import io.peerdesk.domain.contact.ContactId;
import io.peerdesk.domain.contact.ContactKind;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contact.Contacts;
import io.peerdesk.domain.contact.PartnerContacts;
import io.peerdesk.domain.contact.Visibility;
import io.peerdesk.domain.support.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Our contacts over the API (network and tenant admins change them), and the contacts partners share with us. */
@RestController
@RequestMapping("/api/v1")
class ContactApi {

    private final Contacts contacts;

    ContactApi(Contacts contacts) {
        this.contacts = contacts;
    }

    record ContactJson(UUID id, String name, ContactKind kind, ContactRole role, int tier, String email, String phone,
                       String chatUrl, String timeZone, Visibility visibility, String notes, Instant updatedAt) {
        static ContactJson of(Contact c) {
            return new ContactJson(c.id().value(), c.name(), c.kind(), c.role(), c.tier(), c.email(), c.phone(),
                    c.chatUrl(), c.timeZone(), c.visibility(), c.notes(), c.updatedAt());
        }
    }

    record DetailsJson(String name, ContactKind kind, ContactRole role, Integer tier, String email, String phone,
                       String chatUrl, String timeZone, Visibility visibility, String notes) {
        ContactDetails toDetails() {
            return new ContactDetails(name, kind, role, tier, email, phone, chatUrl, timeZone, visibility, notes);
        }
    }

    record PartnerJson(UUID id, String slug, String name, List<ContactRole> sharedRoles, List<ContactJson> contacts) {
        static PartnerJson of(PartnerContacts p) {
            return new PartnerJson(p.partner().id().value(), p.partner().slug(), p.partner().name(),
                    p.sharedRoles().stream().sorted().toList(), p.contacts().stream().map(ContactJson::of).toList());
        }
    }

    @GetMapping("/contacts")
    List<ContactJson> list(Actor actor) {
        return contacts.list(actor).stream().map(ContactJson::of).toList();
    }

    @PostMapping("/contacts")
    ResponseEntity<ContactJson> add(Actor actor, @RequestBody DetailsJson body) {
        Contact contact = contacts.add(actor, body.toDetails());
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id())).body(ContactJson.of(contact));
    }

    @GetMapping("/contacts/{id}")
    ContactJson get(Actor actor, @PathVariable String id) {
        return ContactJson.of(contacts.get(actor, ContactId.parse(id)));
    }

    @PutMapping("/contacts/{id}")
    ContactJson change(Actor actor, @PathVariable String id, @RequestBody DetailsJson body) {
        return ContactJson.of(contacts.change(actor, ContactId.parse(id), body.toDetails()));
    }

    @DeleteMapping("/contacts/{id}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable String id) {
        contacts.remove(actor, ContactId.parse(id));
        return ResponseEntity.noContent().build();
    }

    /** Per partner with an active contract: the contacts it shares with us. */
    @GetMapping("/partner-contacts")
    List<PartnerJson> partnerContacts(Actor actor) {
        return contacts.partnerContacts(actor).stream().map(PartnerJson::of).toList();
    }
}

package io.peerdesk.domain.peering;

import io.peerdesk.domain.contact.Contact;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contact.Contacts;
import io.peerdesk.domain.mail.MailMessage;
import io.peerdesk.domain.mail.Outbox;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The approval reminder by e-mail to the accepter's Policy contacts (people who need not be portal
 * members): one message each, written to the outbox inside the reminder step's transaction. The
 * contact's address stays in the accepter's outbox; the shared history names the contacts only.
 */
@Component
class PolicyReminders {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Contacts contacts;
    private final Outbox outbox;

    PolicyReminders(Contacts contacts, Outbox outbox) {
        this.contacts = contacts;
        this.outbox = outbox;
    }

    /** Writes the reminder for each Policy contact of the accepter with an e-mail address; answers their names. */
    List<String> write(StoredRequest r, boolean review) {
        List<Contact> policy = contacts.withEmail(r.accepter().tenant(), ContactRole.POLICY);
        for (Contact contact : policy) {
            outbox.write(r.accepter().tenant(), new MailMessage("peering-reminder:" + r.id() + ":" + contact.id(),
                    contact.name(), contact.email(), subject(r, review), body(r, review, contact),
                    PeeringNews.link(r.id())));
        }
        return policy.stream().map(Contact::name).toList();
    }

    private static String subject(StoredRequest r, boolean review) {
        return "Reminder: peering request " + PeeringNews.pair(r) + " awaits " + (review ? "security review" : "a decision");
    }

    private String body(StoredRequest r, boolean review, Contact contact) {
        String accepter = r.accepter().end().tenantName();
        return "Hello " + contact.name() + ",\n\n"
                + "the peering request " + PeeringNews.pair(r) + ", filed by " + r.requester().end().tenantName()
                + ", awaits " + (review ? "the security review of " + accepter + "'s security reviewers"
                : "the decision of " + accepter + "'s approvers") + ".\n\n"
                + "Deadline: " + deadline(r.connectionExpiresAt(), contact.timeZone()) + "\n"
                + "Undecided by then, the request expires and the cloud deletes the pending connection.\n\n"
                + "The request: " + outbox.link(PeeringNews.link(r.id())) + "\n\n"
                + "You receive this as a Policy contact of " + accepter + " in PeerDesk.\n";
    }

    /** E.g. {@code 2026-03-07 14:00 UTC (09:00 America/New_York)}: UTC, and the contact's own time when it differs. */
    static String deadline(Instant at, String zone) {
        String utc = WHEN.format(at.atOffset(ZoneOffset.UTC)) + " UTC";
        try {
            ZoneId local = ZoneId.of(zone);
            if (local.getRules().getOffset(at).equals(ZoneOffset.UTC)) {
                return utc;
            }
            return utc + " (" + WHEN.format(at.atZone(local)) + " " + zone + ")";
        } catch (DateTimeException e) {
            return utc;
        }
    }
}

package io.peerdesk.web.contact;

import io.peerdesk.domain.contact.ContactDetails;
import io.peerdesk.domain.contact.ContactKind;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contact.Contacts;
import io.peerdesk.domain.contact.Visibility;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.web.support.demo.DemoSeed;
import io.peerdesk.web.support.demo.DemoWorld;
import org.springframework.stereotype.Component;

/**
 * Demo contacts of every tenant, added by its network admin: a NOC (tier 1), a technical
 * engineer (tier 2) and a security team shared with partners; policy and management internal.
 */
@Component
class ContactDemo implements DemoSeed {

    private final Contacts contacts;

    ContactDemo(Contacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    public void seed(DemoWorld world) {
        tenant(world.as("anton"), "Acme", "acme", "America/New_York", "+1 212 555 0100", "Anton Abel");
        tenant(world.as("gus"), "Globex", "globex", "Europe/London", "+44 20 7946 0100", "Gus Green");
        tenant(world.as("ivan"), "Initech", "initech", "America/Chicago", "+1 312 555 0100", "Ivan Iles");
    }

    private void tenant(Actor admin, String name, String slug, String zone, String phone, String engineer) {
        String domain = slug + ".example";
        add(admin, name + " NOC", ContactKind.TEAM, ContactRole.NOC, 1, "noc@" + domain, phone,
                "https://chat." + domain + "/hooks/noc", zone, Visibility.PARTNERS, "Staffed 24/7; ask for the duty engineer.");
        add(admin, engineer, ContactKind.PERSON, ContactRole.TECHNICAL, 2, engineer.split(" ")[0].toLowerCase() + "@" + domain,
                null, null, zone, Visibility.PARTNERS, null);
        add(admin, name + " Security Operations", ContactKind.TEAM, ContactRole.SECURITY, 2, "security@" + domain, null,
                null, zone, Visibility.PARTNERS, null);
        add(admin, name + " Peering Policy", ContactKind.TEAM, ContactRole.POLICY, 3, "peering-policy@" + domain, null,
                null, zone, Visibility.INTERNAL, null);
        add(admin, name + " Network Management", ContactKind.TEAM, ContactRole.MANAGEMENT, 3, "network-management@" + domain,
                null, null, zone, Visibility.INTERNAL, null);
    }

    private void add(Actor admin, String name, ContactKind kind, ContactRole role, int tier, String email, String phone,
                     String chatUrl, String zone, Visibility visibility, String notes) {
        contacts.add(admin, new ContactDetails(name, kind, role, tier, email, phone, chatUrl, zone, visibility, notes));
    }
}

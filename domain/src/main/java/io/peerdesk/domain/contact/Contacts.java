package io.peerdesk.domain.contact;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.contract.PartnerSharing;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Conflict;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import io.peerdesk.domain.support.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A tenant's contacts, managed by its network and tenant admins and read by every member, and the
 * contacts partners share with it: under an active contract, a partner's contacts visible to
 * partners in the roles the contract shares. While a tenant has an active contract it keeps at
 * least one partner-visible NOC and one Technical contact (once it has one).
 */
@Service
public class Contacts {

    /** Roles partners must always be able to reach while a contract is active. */
    private static final Set<ContactRole> ESCALATION_ROLES = Set.of(ContactRole.NOC, ContactRole.TECHNICAL);

    private final ContactRepository contacts;
    private final ContactChannels channels;
    private final Contracts contracts;
    private final AuditLog audit;
    private final Clock clock;

    Contacts(ContactRepository contacts, Validation validation, Contracts contracts, AuditLog audit, Clock clock) {
        this.contacts = contacts;
        this.channels = new ContactChannels(validation);
        this.contracts = contracts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The tenant's own contacts, NOC first, by tier. */
    @Transactional(readOnly = true)
    public List<Contact> list(Actor actor) {
        return contacts.findAll(actor.tenant());
    }

    /** One of the tenant's own contacts; another tenant's is {@link NotFound}. */
    @Transactional(readOnly = true)
    public Contact get(Actor actor, ContactId id) {
        return contacts.find(actor.tenant(), id).orElseThrow(() -> new NotFound("Contact", id));
    }

    /**
     * The tenant's contacts in {@code role} that have an e-mail address, for messages the portal
     * sends on its own account (no member acts): tenant-scoped like every read, for that tenant's
     * own notices only.
     */
    @Transactional(readOnly = true)
    public List<Contact> withEmail(TenantId tenant, ContactRole role) {
        return contacts.findAll(tenant).stream().filter(c -> c.role() == role && c.email() != null).toList();
    }

    @Transactional
    public Contact add(Actor actor, ContactDetails details) {
        actor.require(Role.NETWORK_ADMIN, Role.TENANT_ADMIN);
        ContactDetails clean = channels.check(details);
        ContactId id = new ContactId(UUID.randomUUID());
        contacts.insert(actor.tenant(), id, clean, clock.instant());
        audit.record(actor, "contact.added", "contact", id, describe(clean));
        return get(actor, id);
    }

    @Transactional
    public Contact change(Actor actor, ContactId id, ContactDetails details) {
        actor.require(Role.NETWORK_ADMIN, Role.TENANT_ADMIN);
        Contact before = get(actor, id);
        ContactDetails clean = channels.check(details);
        boolean stillShared = clean.role() == before.role() && clean.visibility() == Visibility.PARTNERS;
        if (!stillShared) {
            keepEscalationPath(actor, before, clean.role() != before.role() ? "change the role of" : "make internal");
        }
        contacts.update(actor.tenant(), id, clean, clock.instant());
        audit.record(actor, "contact.changed", "contact", id, changes(before, clean));
        return get(actor, id);
    }

    @Transactional
    public void remove(Actor actor, ContactId id) {
        actor.require(Role.NETWORK_ADMIN, Role.TENANT_ADMIN);
        Contact before = get(actor, id);
        keepEscalationPath(actor, before, "remove");
        contacts.delete(actor.tenant(), id);
        audit.record(actor, "contact.removed", "contact", id, before.role().label() + " contact " + before.name() + " removed");
    }

    /** Per partner with an active contract: its contacts shared with us (partner-visible, in the shared roles). */
    @Transactional(readOnly = true)
    public List<PartnerContacts> partnerContacts(Actor actor) {
        return contracts.sharingWith(actor.tenant()).stream()
                .map(s -> new PartnerContacts(s.partner(), s.sharedRoles(), contacts.findShared(s.partner().id(), s.sharedRoles())))
                .toList();
    }

    /** Refuses to take away the last partner-visible NOC or Technical contact while a contract is active. */
    private void keepEscalationPath(Actor actor, Contact contact, String verb) {
        if (!ESCALATION_ROLES.contains(contact.role()) || !contact.sharedWithPartners()) {
            return;
        }
        List<PartnerSharing> partners = contracts.sharingWith(actor.tenant());
        if (partners.isEmpty()) {
            return;
        }
        List<ContactId> shared = contacts.lockShared(actor.tenant(), contact.role());
        if (shared.size() <= 1 && shared.contains(contact.id())) {
            String names = partners.stream().map(p -> p.partner().name()).collect(Collectors.joining(", "));
            throw new Conflict("Cannot " + verb + " " + contact.name() + ": it is your last " + contact.role().label()
                    + " contact that partners can see, and you have an active contract with " + names
                    + ". Add another " + contact.role().label() + " contact for partners first.");
        }
    }

    private static String describe(ContactDetails d) {
        return d.role().label() + " contact " + d.name() + " (tier " + d.tier() + ", "
                + (d.visibility() == Visibility.PARTNERS ? "shared with partners" : "internal") + ")";
    }

    private static String changes(Contact before, ContactDetails after) {
        Map<String, String> changed = new LinkedHashMap<>();
        diff(changed, "name", before.name(), after.name());
        diff(changed, "kind", before.kind(), after.kind());
        diff(changed, "role", before.role(), after.role());
        diff(changed, "tier", before.tier(), after.tier());
        diff(changed, "email", before.email(), after.email());
        diff(changed, "phone", before.phone(), after.phone());
        diff(changed, "chat URL", before.chatUrl(), after.chatUrl());
        diff(changed, "time zone", before.timeZone(), after.timeZone());
        diff(changed, "visibility", before.visibility(), after.visibility());
        diff(changed, "notes", before.notes(), after.notes());
        String list = changed.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
        return before.name() + ": " + (list.isEmpty() ? "saved without changes" : list);
    }

    private static void diff(Map<String, String> changed, String field, Object before, Object after) {
        if (before == null ? after != null : !before.equals(after)) {
            changed.put(field, (before == null ? "–" : before) + " → " + (after == null ? "–" : after));
        }
    }
}

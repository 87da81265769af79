package io.peerdesk.domain.contact;

import io.peerdesk.domain.support.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.peerdesk.db.Tables.CONTACT;

@Repository
class ContactRepository {

    /** By role (NOC first), then tier, then name: the order someone escalating reads them in. */
    private static final Comparator<Contact> ESCALATION_ORDER = Comparator.comparing(Contact::role)
            .thenComparingInt(Contact::tier).thenComparing(Contact::name, String.CASE_INSENSITIVE_ORDER);

    private final DSLContext db;

    ContactRepository(DSLContext db) {
        this.db = db;
    }

    void insert(TenantId tenant, ContactId id, ContactDetails details, Instant at) {
        db.insertInto(CONTACT)
                .set(CONTACT.ID, id.value()).set(CONTACT.TENANT_ID, tenant.value())
                .set(CONTACT.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(CONTACT.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(CONTACT.NAME, details.name()).set(CONTACT.KIND, details.kind().name())
                .set(CONTACT.ROLE, details.role().name()).set(CONTACT.TIER, details.tier())
                .set(CONTACT.EMAIL, details.email()).set(CONTACT.PHONE, details.phone())
                .set(CONTACT.CHAT_URL, details.chatUrl()).set(CONTACT.TIME_ZONE, details.timeZone())
                .set(CONTACT.VISIBILITY, details.visibility().name()).set(CONTACT.NOTES, details.notes())
                .execute();
    }

    void update(TenantId tenant, ContactId id, ContactDetails details, Instant at) {
        db.update(CONTACT)
                .set(CONTACT.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(CONTACT.NAME, details.name()).set(CONTACT.KIND, details.kind().name())
                .set(CONTACT.ROLE, details.role().name()).set(CONTACT.TIER, details.tier())
                .set(CONTACT.EMAIL, details.email()).set(CONTACT.PHONE, details.phone())
                .set(CONTACT.CHAT_URL, details.chatUrl()).set(CONTACT.TIME_ZONE, details.timeZone())
                .set(CONTACT.VISIBILITY, details.visibility().name()).set(CONTACT.NOTES, details.notes())
                .where(CONTACT.TENANT_ID.eq(tenant.value())).and(CONTACT.ID.eq(id.value()))
                .execute();
    }

    boolean delete(TenantId tenant, ContactId id) {
        return db.deleteFrom(CONTACT).where(CONTACT.TENANT_ID.eq(tenant.value())).and(CONTACT.ID.eq(id.value()))
                .execute() == 1;
    }

    Optional<Contact> find(TenantId tenant, ContactId id) {
        return db.selectFrom(CONTACT).where(CONTACT.TENANT_ID.eq(tenant.value())).and(CONTACT.ID.eq(id.value()))
                .fetchOptional(ContactRepository::toContact);
    }

    List<Contact> findAll(TenantId tenant) {
        return db.selectFrom(CONTACT).where(CONTACT.TENANT_ID.eq(tenant.value()))
                .fetch(ContactRepository::toContact).stream().sorted(ESCALATION_ORDER).toList();
    }

    /** The partner-visible contacts of {@code tenant} in {@code roles}: what its partners may see. */
    List<Contact> findShared(TenantId tenant, Collection<ContactRole> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(CONTACT).where(CONTACT.TENANT_ID.eq(tenant.value()))
                .and(CONTACT.VISIBILITY.eq(Visibility.PARTNERS.name()))
                .and(CONTACT.ROLE.in(roles.stream().map(Enum::name).toList()))
                .fetch(ContactRepository::toContact).stream().sorted(ESCALATION_ORDER).toList();
    }

    /**
     * The ids of {@code tenant}'s partner-visible contacts in {@code role}, locked until the
     * transaction ends, so two changes at once cannot both remove "one of two" and leave none.
     */
    List<ContactId> lockShared(TenantId tenant, ContactRole role) {
        return db.select(CONTACT.ID).from(CONTACT).where(CONTACT.TENANT_ID.eq(tenant.value()))
                .and(CONTACT.ROLE.eq(role.name())).and(CONTACT.VISIBILITY.eq(Visibility.PARTNERS.name()))
                .forUpdate()
                .fetch(r -> new ContactId(r.value1()));
    }

    private static Contact toContact(Record r) {
        return new Contact(new ContactId(r.get(CONTACT.ID)), r.get(CONTACT.NAME), ContactKind.valueOf(r.get(CONTACT.KIND)),
                ContactRole.valueOf(r.get(CONTACT.ROLE)), r.get(CONTACT.TIER), r.get(CONTACT.EMAIL), r.get(CONTACT.PHONE),
                r.get(CONTACT.CHAT_URL), r.get(CONTACT.TIME_ZONE), Visibility.valueOf(r.get(CONTACT.VISIBILITY)),
                r.get(CONTACT.NOTES), r.get(CONTACT.UPDATED_AT).toInstant());
    }
}

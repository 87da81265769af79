package io.peerdesk.domain.mail;

import io.peerdesk.domain.support.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.peerdesk.db.Tables.OUTBOUND_MAIL;

@Repository
class OutboxRepository {

    private final DSLContext db;

    OutboxRepository(DSLContext db) {
        this.db = db;
    }

    /** Adds a pending message; false when one with the same key is already there. */
    boolean insert(TenantId tenant, MailMessage m, Instant at) {
        return db.insertInto(OUTBOUND_MAIL)
                .set(OUTBOUND_MAIL.ID, UUID.randomUUID()).set(OUTBOUND_MAIL.TENANT_ID, tenant.value())
                .set(OUTBOUND_MAIL.DEDUPE_KEY, m.dedupeKey())
                .set(OUTBOUND_MAIL.RECIPIENT_NAME, m.recipientName()).set(OUTBOUND_MAIL.RECIPIENT_EMAIL, m.recipientEmail())
                .set(OUTBOUND_MAIL.SUBJECT, cut(m.subject(), 300)).set(OUTBOUND_MAIL.BODY, cut(m.body(), 8000))
                .set(OUTBOUND_MAIL.LINK, m.link())
                .set(OUTBOUND_MAIL.STATE, MailState.PENDING.name()).set(OUTBOUND_MAIL.ATTEMPTS, 0)
                .set(OUTBOUND_MAIL.NEXT_ATTEMPT_AT, utc(at)).set(OUTBOUND_MAIL.CREATED_AT, utc(at))
                .onDuplicateKeyIgnore()
                .execute() == 1;
    }

    /** Pending messages whose next attempt is due, oldest due first. */
    List<UUID> findDue(Instant now, int limit) {
        return db.select(OUTBOUND_MAIL.ID).from(OUTBOUND_MAIL)
                .where(OUTBOUND_MAIL.STATE.eq(MailState.PENDING.name())).and(OUTBOUND_MAIL.NEXT_ATTEMPT_AT.le(utc(now)))
                .orderBy(OUTBOUND_MAIL.NEXT_ATTEMPT_AT, OUTBOUND_MAIL.ID)
                .limit(limit)
                .fetch(OUTBOUND_MAIL.ID);
    }

    /**
     * Takes a due message for this sender: PENDING → SENDING, one attempt more. The condition on
     * the state makes the update the lock: of several nodes claiming the same message, exactly one
     * changes the row; the others update nothing.
     */
    boolean claim(UUID id, Instant now) {
        return db.update(OUTBOUND_MAIL)
                .set(OUTBOUND_MAIL.STATE, MailState.SENDING.name())
                .set(OUTBOUND_MAIL.ATTEMPTS, OUTBOUND_MAIL.ATTEMPTS.plus(1))
                .set(OUTBOUND_MAIL.CLAIMED_AT, utc(now))
                .where(OUTBOUND_MAIL.ID.eq(id)).and(OUTBOUND_MAIL.STATE.eq(MailState.PENDING.name()))
                .and(OUTBOUND_MAIL.NEXT_ATTEMPT_AT.le(utc(now)))
                .execute() == 1;
    }

    /** A claimed message as the sender needs it. */
    record Claimed(UUID id, String recipientName, String recipientEmail, String subject, String body, int attempts) {
    }

    Optional<Claimed> findClaimed(UUID id) {
        return db.select(OUTBOUND_MAIL.ID, OUTBOUND_MAIL.RECIPIENT_NAME, OUTBOUND_MAIL.RECIPIENT_EMAIL, OUTBOUND_MAIL.SUBJECT,
                        OUTBOUND_MAIL.BODY, OUTBOUND_MAIL.ATTEMPTS)
                .from(OUTBOUND_MAIL).where(OUTBOUND_MAIL.ID.eq(id)).and(OUTBOUND_MAIL.STATE.eq(MailState.SENDING.name()))
                .fetchOptional(r -> new Claimed(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    void markSent(UUID id, Instant at) {
        db.update(OUTBOUND_MAIL)
                .set(OUTBOUND_MAIL.STATE, MailState.SENT.name()).set(OUTBOUND_MAIL.SENT_AT, utc(at))
                .set(OUTBOUND_MAIL.LAST_ERROR, (String) null)
                .where(OUTBOUND_MAIL.ID.eq(id)).and(OUTBOUND_MAIL.STATE.eq(MailState.SENDING.name()))
                .execute();
    }

    /** After a failed attempt: pending again, due at {@code next}. */
    void retryAt(UUID id, Instant next, String error) {
        db.update(OUTBOUND_MAIL)
                .set(OUTBOUND_MAIL.STATE, MailState.PENDING.name()).set(OUTBOUND_MAIL.NEXT_ATTEMPT_AT, utc(next))
                .set(OUTBOUND_MAIL.LAST_ERROR, cut(error, 1000))
                .where(OUTBOUND_MAIL.ID.eq(id)).and(OUTBOUND_MAIL.STATE.eq(MailState.SENDING.name()))
                .execute();
    }

    /** After the last failed attempt: failed for good. */
    void giveUp(UUID id, String error) {
        db.update(OUTBOUND_MAIL)
                .set(OUTBOUND_MAIL.STATE, MailState.FAILED.name()).set(OUTBOUND_MAIL.LAST_ERROR, cut(error, 1000))
                .where(OUTBOUND_MAIL.ID.eq(id)).and(OUTBOUND_MAIL.STATE.eq(MailState.SENDING.name()))
                .execute();
    }

    /** Messages claimed before {@code cutoff} whose sender never reported back: failed, with {@code error}. */
    int failAbandoned(Instant cutoff, String error) {
        return db.update(OUTBOUND_MAIL)
                .set(OUTBOUND_MAIL.STATE, MailState.FAILED.name()).set(OUTBOUND_MAIL.LAST_ERROR, error)
                .where(OUTBOUND_MAIL.STATE.eq(MailState.SENDING.name())).and(OUTBOUND_MAIL.CLAIMED_AT.lt(utc(cutoff)))
                .execute();
    }

    /** The tenant's messages, newest first. */
    List<OutboundMail> findForTenant(TenantId tenant, int limit) {
        return db.selectFrom(OUTBOUND_MAIL).where(OUTBOUND_MAIL.TENANT_ID.eq(tenant.value()))
                .orderBy(OUTBOUND_MAIL.CREATED_AT.desc(), OUTBOUND_MAIL.ID)
                .limit(limit)
                .fetch(OutboxRepository::toMail);
    }

    private static OutboundMail toMail(Record r) {
        return new OutboundMail(r.get(OUTBOUND_MAIL.ID), r.get(OUTBOUND_MAIL.RECIPIENT_NAME), r.get(OUTBOUND_MAIL.RECIPIENT_EMAIL),
                r.get(OUTBOUND_MAIL.SUBJECT), r.get(OUTBOUND_MAIL.LINK), MailState.valueOf(r.get(OUTBOUND_MAIL.STATE)),
                r.get(OUTBOUND_MAIL.ATTEMPTS), instant(r.get(OUTBOUND_MAIL.NEXT_ATTEMPT_AT)), instant(r.get(OUTBOUND_MAIL.SENT_AT)),
                r.get(OUTBOUND_MAIL.LAST_ERROR), instant(r.get(OUTBOUND_MAIL.CREATED_AT)));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}

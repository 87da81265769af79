package io.peerdesk.domain.mail;

import io.peerdesk.domain.mail.OutboxRepository.Claimed;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends the outbox through Spring's {@link JavaMailSender} ({@code spring.mail.*}), from
 * {@code portal.mail.from}. Safe on several portal nodes sharing one database: a node claims a
 * message with a conditional update (PENDING → SENDING) committed before it talks to the mail
 * server, so only one node sends it.
 * <p>
 * Delivery is <b>at most once</b>: the claim is committed before the send and the outcome after it.
 * A failed send (the server refused it or could not be reached) goes back to PENDING with a
 * doubling delay until {@code max-attempts}, then FAILED. If a node stops between claim and outcome
 * nobody knows whether the server took the message; after {@code claim-timeout} it is marked FAILED
 * with that reason and is not sent again: a reminder missed (and shown as failed to the tenant's
 * admins) is preferred to one sent twice.
 */
@Component
public class MailDelivery {

    static final String OUTCOME_UNKNOWN = "the portal stopped while sending; the message may or may not have left, "
            + "so it is not sent again";

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutboxRepository outbox;
    private final JavaMailSender sender;
    private final MailProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailDelivery(OutboxRepository outbox, ObjectProvider<JavaMailSender> sender, MailProperties properties,
                 PlatformTransactionManager transactionManager, Clock clock) {
        this.outbox = outbox;
        // an empty spring.mail.host (as a blank environment variable gives) still makes Boot build a sender: no server
        JavaMailSender available = sender.getIfAvailable();
        this.sender = available instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())
                ? null : available;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        if (configured()) {
            log.info("Outbound e-mail: sending from {} every {}", properties.from(), properties.sendInterval());
        } else {
            log.warn("Outbound e-mail is off: {} not set. Messages to contacts wait as pending until a mail server "
                    + "is configured.", this.sender == null ? "spring.mail.host is" : "portal.mail.from is");
        }
    }

    /** Whether a mail server and a sender address are configured. */
    boolean configured() {
        return sender != null && properties.from() != null && !properties.from().isBlank();
    }

    /**
     * One round: gives up messages whose sender never reported back, then sends what is due, each in
     * its own claim. Answers how many were sent. Does nothing without a mail server.
     */
    public int sendDue() {
        if (!configured()) {
            return 0;
        }
        Instant now = clock.instant();
        Integer abandoned = transactions.execute(s -> outbox.failAbandoned(now.minus(properties.claimTimeout()), OUTCOME_UNKNOWN));
        if (abandoned != null && abandoned > 0) {
            log.warn("Outbound e-mail: {} messages were being sent when a portal node stopped; marked failed", abandoned);
        }
        List<UUID> due = transactions.execute(s -> outbox.findDue(now, properties.batchSize()));
        int sent = 0;
        for (UUID id : due == null ? List.<UUID>of() : due) {
            Claimed message = transactions.execute(s -> outbox.claim(id, clock.instant()) ? outbox.findClaimed(id).orElse(null) : null);
            if (message != null && send(message)) {
                sent++;
            }
        }
        return sent;
    }

    /** Sends one claimed message and records the outcome; true when the server took it. */
    private boolean send(Claimed message) {
        try {
            sender.send(mime(message));
        } catch (RuntimeException | MessagingException | UnsupportedEncodingException e) {
            failed(message, e);
            return false;
        }
        transactions.executeWithoutResult(s -> outbox.markSent(message.id(), clock.instant()));
        return true;
    }

    private void failed(Claimed message, Exception e) {
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.attempts() >= properties.maxAttempts()) {
            log.warn("Outbound e-mail {}: attempt {} failed, giving up: {}", message.id(), message.attempts(), error);
            transactions.executeWithoutResult(s -> outbox.giveUp(message.id(), error));
            return;
        }
        Instant next = clock.instant().plus(backoff(message.attempts()));
        log.info("Outbound e-mail {}: attempt {} failed, next at {}: {}", message.id(), message.attempts(), next, error);
        transactions.executeWithoutResult(s -> outbox.retryAt(message.id(), next, error));
    }

    /** The retry delay after {@code attempts} attempts: the configured delay, doubled after each further one. */
    Duration backoff(int attempts) {
        return properties.retryDelay().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
    }

    private MimeMessage mime(Claimed message) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(new InternetAddress(message.recipientEmail(), message.recipientName(), StandardCharsets.UTF_8.name()));
        helper.setSubject(message.subject());
        helper.setText(message.body());
        mime.setHeader("X-PeerDesk-Message-Id", message.id().toString());
        return mime;
    }
}

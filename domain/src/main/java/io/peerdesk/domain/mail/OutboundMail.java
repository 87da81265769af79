package io.peerdesk.domain.mail;

import java.time.Instant;
import java.util.UUID;

/** A message in a tenant's outbox as its admins see it: to whom, what, and how delivery went. */
public record OutboundMail(UUID id, String recipientName, String recipientEmail, String subject, String link,
                           MailState state, int attempts, Instant nextAttemptAt, Instant sentAt, String lastError,
                           Instant createdAt) {
}

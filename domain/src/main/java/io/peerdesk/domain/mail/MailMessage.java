package io.peerdesk.domain.mail;

/**
 * A plain-text e-mail a feature asks the portal to send to one person outside it.
 *
 * @param dedupeKey names the message: writing a message with a key already in the outbox does nothing,
 *                  so a step that runs again does not mail anyone twice
 * @param link      the portal page the message is about (a path such as {@code /peerings/…}), shown with it
 */
public record MailMessage(String dedupeKey, String recipientName, String recipientEmail, String subject, String body,
                          String link) {
}

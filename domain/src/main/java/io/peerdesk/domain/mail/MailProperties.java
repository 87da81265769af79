package io.peerdesk.domain.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code portal.mail.*}: e-mail to people outside the portal (a tenant's contacts). The mail server
 * itself is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} and {@code from}
 * nothing is sent and messages wait as pending.
 *
 * @param from         the sender address ({@code PeerDesk <peerdesk@example.com>})
 * @param baseUrl      the portal's address for links in messages (the portal's base URL)
 * @param sendInterval how often the sender looks for messages due
 * @param maxAttempts  attempts per message before it is marked failed
 * @param retryDelay   the pause after the first failed attempt; it doubles after each further one
 * @param claimTimeout a message claimed longer ago than this by a sender that never reported back
 *                     (the node stopped mid-send) is marked failed, not sent again
 * @param batchSize    messages one round of the sender handles at most
 * @param scheduledSend whether the portal sends on that schedule (off: only when asked, in tests)
 */
@ConfigurationProperties("portal.mail")
public record MailProperties(String from, String baseUrl, @DefaultValue("30s") Duration sendInterval,
                             @DefaultValue("5") int maxAttempts, @DefaultValue("1m") Duration retryDelay,
                             @DefaultValue("10m") Duration claimTimeout, @DefaultValue("20") int batchSize,
                             @DefaultValue("true") boolean scheduledSend) {

    /** {@code path} under the portal's address ({@code /peerings/…} → {@code https://portal.example/peerings/…}). */
    String link(String path) {
        String base = baseUrl == null ? "" : baseUrl.strip();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}

package io.peerdesk.domain.notification;

import java.time.Instant;
import java.util.UUID;

/** One in-portal notification as a member sees it: what happened, where to look, and whether the member has read it. */
public record Notification(UUID id, String message, String link, Instant createdAt, boolean read) {
}

package io.peerdesk.domain.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code portal.inventory.*}.
 *
 * @param syncInterval how often every account's inventory is synced from the cloud
 * @param scheduledSync whether the portal syncs on that schedule (off: only on demand)
 */
@ConfigurationProperties("portal.inventory")
public record InventoryProperties(@DefaultValue("5m") Duration syncInterval,
                                  @DefaultValue("true") boolean scheduledSync) {
}

package io.peerdesk.domain.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Syncs every account's inventory every {@code portal.inventory.sync-interval} (default 5 minutes). */
@Component
@ConditionalOnProperty(name = "portal.inventory.scheduled-sync", havingValue = "true", matchIfMissing = true)
class InventoryScheduler {

    private static final Logger log = LoggerFactory.getLogger(InventoryScheduler.class);

    private final Inventory inventory;

    InventoryScheduler(Inventory inventory) {
        this.inventory = inventory;
    }

    @Scheduled(fixedDelayString = "${portal.inventory.sync-interval:5m}",
            initialDelayString = "${portal.inventory.sync-interval:5m}")
    void syncDueAccounts() {
        long started = System.nanoTime();
        int tried = inventory.syncDue();
        if (tried > 0) {
            log.info("Scheduled inventory sync: {} accounts in {} ms", tried, (System.nanoTime() - started) / 1_000_000);
        }
    }
}

package io.peerdesk.domain.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's account in the cloud as the portal shows it: never its secret, and of its access key
 * id only the last characters ({@link #accessKeyHint()}).
 */
public record CloudAccount(CloudAccountId id, String accountId, String name, List<String> regions, String accessKeyHint,
                           String createdBy, Instant createdAt, SyncState sync, int vpcCount) {

    public CloudAccount {
        regions = List.copyOf(regions);
    }

    static String hint(String accessKeyId) {
        return accessKeyId.length() <= 4 ? "…" : "…" + accessKeyId.substring(accessKeyId.length() - 4);
    }
}

package io.peerdesk.domain.inventory;

import java.time.Instant;

/**
 * The last sync attempt of an account and the last one that succeeded: after a failure the
 * inventory is still the one from {@code succeededAt}, and {@code error} says why the newer
 * attempt failed ({@code errorCode} is the cloud's code, e.g. {@code AuthFailure}).
 */
public record SyncState(SyncStatus status, Instant attemptedAt, Instant succeededAt, String errorCode, String error) {

    public static final SyncState NEVER = new SyncState(SyncStatus.NEVER, null, null, null, null);

    public boolean failed() {
        return status == SyncStatus.FAILED;
    }

    /** Whether the portal has an inventory of this account at all. */
    public boolean hasInventory() {
        return succeededAt != null;
    }
}

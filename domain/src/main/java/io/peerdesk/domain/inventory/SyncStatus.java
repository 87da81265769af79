package io.peerdesk.domain.inventory;

/** How the last inventory sync of a cloud account went. */
public enum SyncStatus {
    NEVER("Not synced yet"),
    SUCCEEDED("Synced"),
    FAILED("Sync failed");

    private final String label;

    SyncStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

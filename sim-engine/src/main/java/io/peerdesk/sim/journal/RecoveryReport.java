package io.peerdesk.sim.journal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link Journal#open} found on disk.
 *
 * @param segments number of segment files in the journal after recovery
 * @param records  number of valid records in those segments
 * @param firstSeq seq of the oldest record still kept (older ones were deleted after snapshots);
 *                 equals {@code lastSeq + 1} when the journal holds no records
 * @param lastSeq  seq of the newest valid record, 0 for a journal that never had one
 * @param tornTail present when an incomplete or damaged last record was cut off
 */
public record RecoveryReport(int segments, long records, long firstSeq, long lastSeq, Optional<TornTail> tornTail) {

    /**
     * An incomplete write at the very end of the journal that was removed. Such a record was
     * never acknowledged as durable, because acknowledging it would have fsynced it whole.
     *
     * @param file         the last segment
     * @param offset       where the file now ends (the start of the removed record)
     * @param bytesRemoved how many bytes were cut
     * @param reason       e.g. "truncated length", "truncated payload", "CRC mismatch"
     */
    public record TornTail(Path file, long offset, long bytesRemoved, String reason) {
    }

    /** Whether a torn tail was cut off during recovery. */
    public boolean tornTailCut() {
        return tornTail.isPresent();
    }
}

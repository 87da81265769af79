package io.peerdesk.sim.journal;

import java.nio.file.Path;

/** A segment that no longer receives appends; only its bounds are kept in memory. */
record SealedSegment(Path path, long firstSeq, long records) {

    /** Seq of its last record, or {@code firstSeq - 1} when it is empty. */
    long lastSeq() {
        return firstSeq + records - 1;
    }
}

package io.peerdesk.sim.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A snapshot file does not validate. {@link SnapshotStore#latest()} throws it only when no
 * snapshot at all validates; the other corrupt files are attached as suppressed exceptions.
 */
public class SnapshotCorruptedException extends IOException {

    private final transient Path file;

    SnapshotCorruptedException(Path file, String message) {
        super(message);
        this.file = file;
    }

    static SnapshotCorruptedException of(Path file, String reason) {
        return new SnapshotCorruptedException(file, "snapshot file " + file + " is corrupt: " + reason);
    }

    /** The (newest) corrupt snapshot file. */
    public Path file() {
        return file;
    }
}

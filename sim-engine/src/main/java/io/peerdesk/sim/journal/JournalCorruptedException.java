package io.peerdesk.sim.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The journal holds damage that cannot be explained by a crash during the last write, or is
 * missing records the caller needs. Nothing is repaired or dropped in that case: an operator
 * has to look at {@link #file()} at {@link #offset()}.
 */
public class JournalCorruptedException extends IOException {

    private final transient Path file;
    private final long offset;

    JournalCorruptedException(Path file, long offset, String problem) {
        super("journal file " + file + (offset >= 0 ? " is corrupt at offset " + offset : " is inconsistent")
                + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    /** The segment file concerned. */
    public Path file() {
        return file;
    }

    /** Byte offset of the damage in {@link #file()}, or -1 when the problem is not at one place. */
    public long offset() {
        return offset;
    }
}

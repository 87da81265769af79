package io.peerdesk.sim.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A write or fsync failed earlier, so the journal refuses all further appends and durability
 * waits: after a failed fsync the OS may have dropped the dirty pages, and a later fsync could
 * "succeed" without them, so nothing written since can be acknowledged. Reopen the journal to
 * recover from what actually reached the disk. The original failure is the {@linkplain #getCause() cause}.
 */
public class JournalFailedException extends IOException {

    JournalFailedException(Path dir, Throwable cause) {
        super("journal in " + dir + " has failed and refuses further use: " + cause, cause);
    }
}

package io.peerdesk.sim.journal;

import java.io.IOException;
import java.nio.file.Path;

/** Another process (or another {@link DataDir} in this JVM) holds the data directory. */
public class DataDirLockedException extends IOException {

    DataDirLockedException(Path dir, String detail) {
        super("data directory " + dir + " is in use by another process" + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }
}

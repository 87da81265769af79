package io.peerdesk.sim.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Directory fsync, which makes file creations, renames and deletions durable. */
final class Fsync {

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private Fsync() {
    }

    static void directory(Path dir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException e) {
            if (WINDOWS) {
                return; // directories cannot be opened there; NTFS journals its metadata itself
            }
            throw e;
        }
        try (channel) {
            channel.force(true);
        }
    }
}

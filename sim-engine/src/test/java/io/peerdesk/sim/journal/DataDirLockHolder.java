package io.peerdesk.sim.journal;

import java.nio.file.Path;

/** Run in a child JVM by {@link DataDirTests}: locks a directory until its stdin closes. */
final class DataDirLockHolder {

    private DataDirLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (DataDir ignored = DataDir.lock(Path.of(args[0]))) {
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        }
    }
}

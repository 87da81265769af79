package io.peerdesk.sim.journal;

/** How hard the {@link Journal} works to make acknowledged records survive a crash. */
public enum SyncMode {

    /**
     * {@link Journal#awaitDurable(long)} returns only once the record is on stable storage
     * ({@code FileChannel.force(false)}), shared between concurrent callers (group commit).
     * Segments are fsynced when they are rolled, and the directory when segments are created.
     * This is the default and the only mode that is crash-safe.
     */
    FSYNC,

    /**
     * Never fsync: {@link Journal#awaitDurable(long)} returns immediately. Records still reach
     * the OS page cache when {@link Journal#append(byte[])} returns, so they survive the JVM
     * being killed, but not an OS crash or power loss; after such a crash recovery may find
     * damage it refuses to repair. Meant for benchmarks and tests that do not need durability.
     */
    NONE
}

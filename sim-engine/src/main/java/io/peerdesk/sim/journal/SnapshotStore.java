package io.peerdesk.sim.journal;

import io.peerdesk.sim.journal.SnapshotFormat.Named;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Snapshots of the simulator state in a directory, written atomically; the newest
 * {@value #RETAINED} are kept.
 *
 * <p>A snapshot either exists complete and checksummed, or not at all: it is written to
 * {@code snapshot-<seq>.bin.tmp}, fsynced, renamed in one atomic step and the directory is
 * fsynced. Leftover {@code .tmp} files of an interrupted write are deleted by {@link #open}.
 *
 * <p>{@link #write} calls are serialised; reading while writing is safe because only complete
 * files carry the final name.
 */
public final class SnapshotStore implements AutoCloseable {

    /** How many snapshots are kept: the newest, and one to fall back to if it goes bad. */
    public static final int RETAINED = 2;

    private static final System.Logger LOG = System.getLogger(SnapshotStore.class.getName());
    private static final int WRITE_BUFFER = 1 << 20;

    /** Streams a snapshot's state into the store. */
    @FunctionalInterface
    public interface StateWriter {
        /** Writes the state to {@code out}; closing {@code out} is allowed but not required. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** A snapshot file that {@link #latest} skipped because it does not validate. */
    public record SkippedSnapshot(Path file, String reason) {
    }

    private final Path dir;
    private volatile boolean closed;

    private SnapshotStore(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating if needed) the snapshot directory and deletes leftovers of interrupted writes. */
    public static SnapshotStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path tmp : SnapshotFormat.listTemporary(dir)) {
            Files.deleteIfExists(tmp);
        }
        return new SnapshotStore(dir);
    }

    public Path directory() {
        return dir;
    }

    /** Writes a snapshot from an array. See {@link #write(long, StateWriter)}. */
    public void write(long seq, byte[] state) throws IOException {
        Objects.requireNonNull(state, "state");
        write(seq, out -> out.write(state));
    }

    /**
     * Atomically stores the state as of journal record {@code seq}, streaming it from
     * {@code writer} (so large states need not be built as one array), then deletes all but
     * the newest {@value #RETAINED} snapshots. When this returns, the snapshot is durable.
     *
     * <p>Call {@link Journal#awaitDurable}{@code (seq)} first: a snapshot ahead of the durable
     * journal would, after a crash, contain effects of records the journal no longer has.
     *
     * @throws IllegalArgumentException if {@code seq} is older than the newest stored snapshot
     *         (it would be deleted at once as one of the oldest)
     */
    public synchronized void write(long seq, StateWriter writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        if (closed) {
            throw new IllegalStateException("snapshot store in " + dir + " is closed");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, was " + seq);
        }
        List<Named> existing = SnapshotFormat.list(dir);
        if (!existing.isEmpty() && seq < existing.get(0).seq()) {
            throw new IllegalArgumentException("snapshot seq " + seq + " is older than the newest stored one, "
                    + existing.get(0).seq());
        }
        Path target = SnapshotFormat.path(dir, seq);
        Path tmp = target.resolveSibling(target.getFileName() + SnapshotFormat.TMP_SUFFIX);
        Files.deleteIfExists(tmp);
        try {
            writeTemporary(tmp, seq, writer);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp, e);
            throw e;
        }
        Fsync.directory(dir);
        deleteOld();
    }

    private static void writeTemporary(Path tmp, long seq, StateWriter writer) throws IOException {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.position(SnapshotFormat.HEADER_SIZE);
            CrcOutputStream out = new CrcOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), WRITE_BUFFER));
            writer.writeTo(out);
            out.flush();
            // The header goes in last: only now are length and CRC known.
            SnapshotFormat.writeFully(channel, SnapshotFormat.header(seq, out.count(), out.crc()), 0);
            channel.force(true);
        }
    }

    private void deleteOld() throws IOException {
        List<Named> all = SnapshotFormat.list(dir);
        for (Named old : all.subList(Math.min(RETAINED, all.size()), all.size())) {
            Files.deleteIfExists(old.path());
        }
    }

    /**
     * The newest snapshot that validates; corrupt newer ones are skipped and logged as warnings.
     * See {@link #latest(Consumer)}.
     */
    public Optional<Snapshot> latest() throws IOException {
        return latest(skipped -> LOG.log(System.Logger.Level.WARNING,
                "Skipping corrupt snapshot {0}: {1}", skipped.file(), skipped.reason()));
    }

    /**
     * The newest snapshot that validates (header, length and CRC32C), or empty when there is
     * no snapshot at all. Corrupt newer snapshots are passed to {@code onSkipped}.
     *
     * @throws SnapshotCorruptedException if snapshots exist but none validates: starting empty
     *         would silently throw away the state they hold
     */
    public Optional<Snapshot> latest(Consumer<SkippedSnapshot> onSkipped) throws IOException {
        List<SnapshotCorruptedException> problems = new ArrayList<>();
        for (Named file : SnapshotFormat.list(dir)) {
            try {
                Snapshot snapshot = SnapshotFormat.read(file);
                for (SnapshotCorruptedException problem : problems) {
                    onSkipped.accept(new SkippedSnapshot(problem.file(), problem.getMessage()));
                }
                return Optional.of(snapshot);
            } catch (SnapshotCorruptedException e) {
                problems.add(e);
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        SnapshotCorruptedException none = new SnapshotCorruptedException(problems.get(0).file(),
                "no valid snapshot in " + dir + ": all " + problems.size() + " snapshot file(s) are corrupt"
                        + " (newest: " + problems.get(0).getMessage() + "); refusing to start empty, which would"
                        + " lose the state they hold");
        problems.forEach(none::addSuppressed);
        throw none;
    }

    /**
     * Seq of the oldest snapshot kept, for {@link Journal#rollAfterSnapshot} when the journal
     * should keep enough records to restore from it if the newest snapshot goes bad.
     */
    public OptionalLong oldestRetainedSeq() throws IOException {
        List<Named> all = SnapshotFormat.list(dir);
        return all.isEmpty() ? OptionalLong.empty() : OptionalLong.of(all.get(all.size() - 1).seq());
    }

    /**
     * Refuses further writes. The store holds no open files between calls, so there is nothing
     * else to release; reading remains possible.
     */
    @Override
    public void close() {
        closed = true;
    }

    private static void deleteQuietly(Path file, Exception pending) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            pending.addSuppressed(e);
        }
    }
}

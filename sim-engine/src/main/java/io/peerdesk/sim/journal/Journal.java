package io.peerdesk.sim.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Append-only write-ahead log of opaque records in a directory of segment files.
 *
 * <p>Every record gets a 1-based, gap-free sequence number (seq). The intended use: while
 * holding its own state lock the caller {@link #append appends} a command and applies it, so
 * that journal order equals apply order; then, outside that lock, it calls
 * {@link #awaitDurable} before acknowledging the command. Concurrent waiters share fsyncs
 * (group commit). On start, {@link #open} recovers the directory and {@link #replay} feeds the
 * records after the latest snapshot back to the caller.
 *
 * <p>Format and recovery rules: see the {@linkplain io.peerdesk.sim.journal package documentation}
 * and {@link #open}. Only one {@code Journal} may use a directory at a time; hold a
 * {@link DataDir} lock to guarantee that across processes.
 *
 * <p>Thread-safety: all methods may be called from any thread. {@link #replay} and
 * {@link #deleteSegmentsCoveredBy} must not run concurrently with each other.
 */
public final class Journal implements AutoCloseable {

    /**
     * Tuning of a journal.
     *
     * @param segmentSize size after which appends go to a new segment file (a record is never
     *                    split, so a segment may exceed it by one record); default 64 MiB
     * @param syncMode    {@link SyncMode#FSYNC} (default) or {@link SyncMode#NONE}
     */
    public record Options(long segmentSize, SyncMode syncMode) {

        public static final long DEFAULT_SEGMENT_SIZE = 64L << 20;
        static final long MIN_SEGMENT_SIZE = 64;

        public Options {
            if (segmentSize < MIN_SEGMENT_SIZE) {
                throw new IllegalArgumentException("segmentSize must be at least " + MIN_SEGMENT_SIZE + ", was " + segmentSize);
            }
            Objects.requireNonNull(syncMode, "syncMode");
        }

        /** 64 MiB segments, {@link SyncMode#FSYNC}. */
        public static Options defaults() {
            return new Options(DEFAULT_SEGMENT_SIZE, SyncMode.FSYNC);
        }

        public Options withSegmentSize(long bytes) {
            return new Options(bytes, syncMode);
        }

        public Options withSyncMode(SyncMode mode) {
            return new Options(segmentSize, mode);
        }
    }

    private final Path dir;
    private final Options options;
    private final boolean fsync;
    private final RecoveryReport recoveryReport;
    private final GroupCommit commit;

    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<SealedSegment> sealed; // guarded by lock, oldest first
    private ActiveSegment active; // guarded by lock
    private volatile long lastSeq; // written under lock
    private boolean closed; // guarded by lock

    private Journal(Path dir, Options options, Recovery.Outcome recovered) throws IOException {
        this.dir = dir;
        this.options = options;
        this.fsync = options.syncMode() == SyncMode.FSYNC;
        this.recoveryReport = recovered.report();
        this.sealed = new ArrayDeque<>(recovered.sealed());
        this.active = recovered.active();
        this.lastSeq = recoveryReport.lastSeq();
        if (fsync) {
            // The recovered records may still be only in the page cache (the previous process was
            // killed before syncing) and a cut tail must stay cut: make both durable before
            // anything new can be acknowledged on top of them.
            syncOnce();
            this.commit = GroupCommit.start(dir, this::syncOnce, lastSeq);
        } else {
            this.commit = GroupCommit.disabled(dir);
        }
    }

    /** Opens {@code dir} with {@link Options#defaults()}. */
    public static Journal open(Path dir) throws IOException {
        return open(dir, Options.defaults());
    }

    /**
     * Opens the journal in {@code dir}, creating the directory and a first segment if needed,
     * after validating every record of every segment.
     *
     * <p>If the last record of the last segment is incomplete or fails its CRC and nothing valid
     * follows it, it is the write a crash interrupted: the file is truncated at the last good
     * record and the cut is described in {@link #recoveryReport()}. Such a record is never
     * replayed, not even partly.
     *
     * @throws JournalCorruptedException for any other damage: a bad record in a segment that
     *         is not the last, a bad record followed by valid data, a bad header, or a missing
     *         segment. Nothing is modified in that case.
     */
    public static Journal open(Path dir, Options options) throws IOException {
        Objects.requireNonNull(options, "options");
        Recovery.Outcome recovered = Recovery.run(dir);
        try {
            return new Journal(dir, options, recovered);
        } catch (IOException | RuntimeException e) {
            try {
                recovered.active().seal(false);
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /** What recovery found and repaired when this journal was opened. */
    public RecoveryReport recoveryReport() {
        return recoveryReport;
    }

    public Path directory() {
        return dir;
    }

    /** Seq of the newest appended record (not necessarily durable yet), 0 if there is none. */
    public long lastSeq() {
        return lastSeq;
    }

    /** Seq of the oldest record still kept; {@code lastSeq() + 1} when the journal holds none. */
    public long firstSeq() {
        lock.lock();
        try {
            return sealed.isEmpty() ? active.firstSeq() : sealed.peekFirst().firstSeq();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes one record to the current segment (into the OS page cache, without fsync) and
     * returns its seq. Records get seqs in the order of the calls, so callers that append while
     * holding their own lock get journal order = their apply order. The record is not
     * guaranteed to survive a crash until {@link #awaitDurable} for its seq returns.
     *
     * <p>Rarely, when the segment is full, this call seals it (one fsync) and starts the next.
     *
     * @param payload 1 byte to 64 MiB; the array is copied
     * @throws JournalFailedException if this or an earlier write or fsync failed
     * @throws IllegalStateException  if the journal is closed
     */
    public long append(byte[] payload) throws IOException {
        byte[] frame = RecordFormat.frame(payload); // CRC and copy outside the lock
        lock.lock();
        try {
            ensureOpen();
            commit.checkHealthy();
            if (active.records() > 0 && active.size() + frame.length > options.segmentSize()) {
                roll();
            }
            try {
                active.write(frame);
            } catch (IOException e) {
                throw commit.fail(e); // part of the frame may be in the file; recovery will cut it
            }
            long seq = lastSeq + 1;
            lastSeq = seq;
            return seq;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until every record up to and including {@code seq} is on stable storage.
     * Concurrent callers share fsyncs. With {@link SyncMode#NONE} it returns at once.
     * Returns at once as well for records that are already durable, also after {@link #close()}.
     *
     * @throws JournalFailedException if a write or fsync failed: nothing after the failure is durable
     * @throws java.io.InterruptedIOException if the thread is interrupted while waiting (the
     *         journal stays usable and the interrupt flag is set again)
     * @throws IllegalArgumentException if {@code seq} was never appended
     */
    public void awaitDurable(long seq) throws IOException {
        if (seq > lastSeq) {
            throw new IllegalArgumentException("seq " + seq + " was not appended yet (last seq " + lastSeq + ")");
        }
        commit.awaitDurable(seq);
    }

    /**
     * Calls {@code consumer} for every record with seq &gt; {@code afterSeq}, in seq order, up to
     * the last record appended when the call started. Every record's CRC is checked again.
     *
     * @param afterSeq the seq the caller's state already contains (its snapshot's seq), or 0
     * @throws JournalCorruptedException if records after {@code afterSeq} were already deleted
     *         (the caller's snapshot is older than the journal's start), if {@code afterSeq} is
     *         beyond the journal's last record (the journal lost records the snapshot contains,
     *         so new appends would reuse their seqs), or if a record no longer validates
     */
    public void replay(long afterSeq, RecordConsumer consumer) throws IOException {
        Objects.requireNonNull(consumer, "consumer");
        List<SealedSegment> segments;
        long upTo;
        lock.lock();
        try {
            ensureOpen();
            segments = new ArrayList<>(sealed);
            segments.add(active.sealed());
            upTo = lastSeq;
        } finally {
            lock.unlock();
        }
        SealedSegment first = segments.get(0);
        if (afterSeq < first.firstSeq() - 1) {
            throw new JournalCorruptedException(first.path(), -1, "replay needs the records after seq " + afterSeq
                    + " but the journal starts at seq " + first.firstSeq() + ": records " + (afterSeq + 1) + ".."
                    + (first.firstSeq() - 1) + " were deleted after a snapshot that is not the one being restored");
        }
        if (afterSeq > upTo) {
            throw new JournalCorruptedException(segments.get(segments.size() - 1).path(), -1, "replay was asked for records after seq " + afterSeq
                    + " but the journal ends at seq " + upTo + ": it lost records the caller's snapshot contains"
                    + " (was the snapshot written before awaitDurable for its seq?)");
        }
        for (SealedSegment segment : segments) {
            if (segment.lastSeq() > afterSeq) {
                replaySegment(segment, afterSeq, consumer);
            }
        }
    }

    private static void replaySegment(SealedSegment segment, long afterSeq, RecordConsumer consumer) throws IOException {
        try (PositionalReader reader = PositionalReader.open(segment.path())) {
            long position = SegmentFile.HEADER_SIZE;
            for (long seq = segment.firstSeq(); seq <= segment.lastSeq(); seq++) {
                String problem = SegmentScanner.problemAt(reader, position);
                if (problem != null) {
                    throw new JournalCorruptedException(segment.path(), position, problem + " (record seq " + seq
                            + " validated when the journal was opened or written)");
                }
                int length = reader.intAt(position);
                if (seq > afterSeq) {
                    consumer.accept(seq, reader.bytes(position + RecordFormat.FRAME_OVERHEAD, length));
                }
                position += RecordFormat.FRAME_OVERHEAD + length;
            }
        }
    }

    /**
     * Call after a snapshot at {@code snapshotSeq} is safely written: starts a fresh segment if
     * the current one holds records up to {@code snapshotSeq}, so that it becomes deletable,
     * then {@linkplain #deleteSegmentsCoveredBy deletes} every segment covered by the snapshot.
     *
     * <p>Passing the newest snapshot's seq means an older snapshot can no longer be restored
     * (its later records are gone; {@link #replay} would then fail rather than skip them). To
     * keep the previous snapshot as a fallback, pass the oldest snapshot you keep, e.g.
     * {@link SnapshotStore#oldestRetainedSeq()}.
     *
     * @return the number of segment files deleted
     */
    public int rollAfterSnapshot(long snapshotSeq) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            commit.checkHealthy();
            if (snapshotSeq > lastSeq) {
                throw new IllegalArgumentException("snapshot seq " + snapshotSeq + " is beyond the last seq " + lastSeq);
            }
            if (active.records() > 0 && active.firstSeq() <= snapshotSeq) {
                roll();
            }
        } finally {
            lock.unlock();
        }
        return deleteSegmentsCoveredBy(snapshotSeq);
    }

    /**
     * Deletes, oldest first, every segment other than the current one whose records all have
     * seq &le; {@code snapshotSeq}. The current segment is never deleted, even when empty: its
     * name keeps the seq numbering going across restarts.
     *
     * @return the number of segment files deleted
     */
    public int deleteSegmentsCoveredBy(long snapshotSeq) throws IOException {
        List<SealedSegment> victims = new ArrayList<>();
        lock.lock();
        try {
            ensureOpen();
            while (!sealed.isEmpty() && sealed.peekFirst().lastSeq() <= snapshotSeq) {
                victims.add(sealed.removeFirst());
            }
        } finally {
            lock.unlock();
        }
        for (SealedSegment victim : victims) {
            Files.deleteIfExists(victim.path());
            if (fsync) {
                // One by one, so that a crash can only leave a prefix deleted, never a hole.
                Fsync.directory(dir);
            }
        }
        return victims.size();
    }

    /**
     * Makes everything appended durable (with {@link SyncMode#FSYNC}) and closes the files.
     * Pending {@link #awaitDurable} calls complete. Later appends throw
     * {@link IllegalStateException}. Idempotent.
     */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        commit.stop();
        boolean healthy = commit.healthy();
        try {
            active.seal(fsync && healthy);
        } catch (IOException e) {
            throw commit.fail(e);
        }
        if (healthy) {
            commit.markDurable(lastSeq);
        }
    }

    /** Under lock: seals the current segment (fsynced, so no later segment can get ahead of it) and starts the next. */
    private void roll() throws IOException {
        try {
            active.seal(fsync);
            sealed.addLast(active.sealed());
            active = ActiveSegment.create(dir, lastSeq + 1);
        } catch (IOException e) {
            throw commit.fail(e);
        }
    }

    /** The group commit's sync action; runs on the syncer thread (and once in the constructor). */
    private long syncOnce() throws IOException {
        ActiveSegment segment;
        long upTo;
        lock.lock();
        try {
            segment = active;
            upTo = lastSeq;
        } finally {
            lock.unlock();
        }
        if (segment.takeDirectorySyncPending()) {
            // A new segment's name must be durable before any record in it is acknowledged.
            try {
                Fsync.directory(dir);
            } catch (IOException e) {
                segment.directorySyncFailed();
                throw e;
            }
        }
        // If a roll sealed this segment meanwhile, the seal synced it and this is a no-op.
        segment.force();
        return upTo;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("journal in " + dir + " is closed");
        }
    }

    /** Test hook: the current segment, to simulate I/O failures. */
    ActiveSegment activeSegmentForTesting() {
        lock.lock();
        try {
            return active;
        } finally {
            lock.unlock();
        }
    }
}

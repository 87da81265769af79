package io.peerdesk.sim.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The segment appends go to.
 *
 * <p>Writes and roll-time syncs use {@link RandomAccessFile} because its calls cannot be
 * interrupted: an interrupt reaching a thread inside {@code FileChannel} I/O closes the channel,
 * which would kill the journal whenever a caller's thread is cancelled. The channel is only
 * used for {@code force(false)} by the journal's own syncer thread, which nobody interrupts.
 *
 * <p>Appends are serialised by the journal; {@link #force()} and {@link #seal(boolean)} may race
 * with each other and synchronise on this object.
 */
final class ActiveSegment {

    private final Path path;
    private final long firstSeq;
    private final RandomAccessFile file;
    private final FileChannel channel;
    private final AtomicBoolean directorySyncPending;
    private long size;
    private long records;
    private boolean closed;

    private ActiveSegment(Path path, long firstSeq, RandomAccessFile file, long size, long records,
                          boolean directorySyncPending) {
        this.path = path;
        this.firstSeq = firstSeq;
        this.file = file;
        this.channel = file.getChannel();
        this.size = size;
        this.records = records;
        this.directorySyncPending = new AtomicBoolean(directorySyncPending);
    }

    /** Creates a new segment file holding only the header; nothing is fsynced yet. */
    static ActiveSegment create(Path dir, long firstSeq) throws IOException {
        Path path = SegmentFile.path(dir, firstSeq);
        Files.createFile(path);
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        try {
            file.write(SegmentFile.header(firstSeq));
        } catch (IOException e) {
            file.close();
            throw e;
        }
        return new ActiveSegment(path, firstSeq, file, SegmentFile.HEADER_SIZE, 0, true);
    }

    /**
     * Reopens the last segment found by recovery, cutting it to {@code validEnd}, or rewriting
     * its header when {@code rewriteHeader} (the header never reached the disk).
     */
    static ActiveSegment reopen(Path path, long firstSeq, long validEnd, long records, boolean rewriteHeader)
            throws IOException {
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        try {
            long end = validEnd;
            if (rewriteHeader) {
                file.setLength(0);
                file.write(SegmentFile.header(firstSeq));
                end = SegmentFile.HEADER_SIZE;
            } else if (file.length() != end) {
                file.setLength(end);
            }
            file.seek(end);
            return new ActiveSegment(path, firstSeq, file, end, records, false);
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    long firstSeq() {
        return firstSeq;
    }

    long size() {
        return size;
    }

    long records() {
        return records;
    }

    /** Hands the frame to the OS; it is durable only after a later {@link #force()} or seal. */
    void write(byte[] frame) throws IOException {
        file.write(frame);
        size += frame.length;
        records++;
    }

    /** True once per created segment: its directory entry still has to be made durable. */
    boolean takeDirectorySyncPending() {
        return directorySyncPending.getAndSet(false);
    }

    void directorySyncFailed() {
        directorySyncPending.set(true);
    }

    /** fdatasync. A sealed segment was already synced by {@link #seal(boolean)}, so it is a no-op. */
    synchronized void force() throws IOException {
        if (!closed) {
            channel.force(false);
        }
    }

    /** Makes the whole file durable (when {@code sync}) and closes it. */
    synchronized void seal(boolean sync) throws IOException {
        if (closed) {
            return;
        }
        try {
            if (sync) {
                file.getFD().sync();
            }
        } finally {
            closed = true;
            file.close();
        }
    }

    SealedSegment sealed() {
        return new SealedSegment(path, firstSeq, records);
    }

    /** Test hook: the raw file, to simulate I/O failures. */
    RandomAccessFile fileForTesting() {
        return file;
    }
}

package io.peerdesk.sim.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive ownership of a data directory, through an OS file lock on {@code <dir>/.lock}.
 * The OS releases the lock when the process dies, so a crash never leaves the directory
 * locked. Hold it for as long as the journal and snapshot store in the directory are in use.
 */
public final class DataDir implements AutoCloseable {

    static final String LOCK_FILE = ".lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDir(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} if needed and locks it.
     *
     * @throws DataDirLockedException "data directory X is in use by another process" when
     *         another process, or another {@code DataDir} in this JVM, holds it
     */
    public static DataDir lock(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path lockFile = dir.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw new DataDirLockedException(dir, "it is already locked within this JVM");
            }
            if (lock == null) {
                String holder = readHolder(channel);
                throw new DataDirLockedException(dir, holder.isEmpty() ? "" : "pid " + holder);
            }
            recordHolder(channel);
            return new DataDir(dir, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return dir;
    }

    /** Releases the lock. The lock file stays: deleting it would let two processes lock different files. */
    @Override
    public void close() throws IOException {
        try (channel) {
            lock.release();
        }
    }

    /** Our pid goes into the file purely to make the error message of a second process useful. */
    private static void recordHolder(FileChannel channel) throws IOException {
        channel.truncate(0);
        ByteBuffer pid = ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        while (pid.hasRemaining()) {
            channel.write(pid, pid.position());
        }
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return ""; // some platforms forbid reading a locked region
        }
    }
}

package io.peerdesk.sim.journal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Random-access reads of a file through a small window, so that scanning records (and probing
 * every offset when looking for valid data past damage) costs neither a syscall per field nor
 * the whole file in memory.
 */
final class PositionalReader implements AutoCloseable {

    private static final int WINDOW = 1 << 16;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart;
    private int windowLength;

    private PositionalReader(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    static PositionalReader open(Path file) throws IOException {
        return new PositionalReader(FileChannel.open(file, StandardOpenOption.READ));
    }

    /** File size when the reader was opened; bytes appended later are not visible. */
    long size() {
        return size;
    }

    int intAt(long position) throws IOException {
        ensure(position, 4);
        return window.getInt((int) (position - windowStart));
    }

    long longAt(long position) throws IOException {
        ensure(position, 8);
        return window.getLong((int) (position - windowStart));
    }

    byte[] bytes(long position, int length) throws IOException {
        byte[] dst = new byte[length];
        if (length <= WINDOW) {
            ensure(position, length);
            System.arraycopy(window.array(), (int) (position - windowStart), dst, 0, length);
        } else {
            checkBounds(position, length);
            readFully(position, ByteBuffer.wrap(dst));
        }
        return dst;
    }

    int crc32c(long position, int length) throws IOException {
        CRC32C crc = new CRC32C();
        long at = position;
        int left = length;
        while (left > 0) {
            int n = Math.min(left, WINDOW);
            ensure(at, n);
            crc.update(window.array(), (int) (at - windowStart), n);
            at += n;
            left -= n;
        }
        return (int) crc.getValue();
    }

    private void ensure(long position, int length) throws IOException {
        if (position >= windowStart && position + length <= windowStart + windowLength) {
            return;
        }
        checkBounds(position, length);
        window.clear();
        window.limit((int) Math.min(WINDOW, size - position));
        readFully(position, window);
        windowStart = position;
        windowLength = window.limit();
    }

    private void checkBounds(long position, int length) throws EOFException {
        if (position < 0 || position + length > size) {
            throw new EOFException("read of " + length + " bytes at " + position + " past end " + size);
        }
    }

    private void readFully(long position, ByteBuffer dst) throws IOException {
        int start = dst.position();
        while (dst.hasRemaining()) {
            if (channel.read(dst, position + dst.position() - start) < 0) {
                throw new EOFException("file shrank while being read at " + position);
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

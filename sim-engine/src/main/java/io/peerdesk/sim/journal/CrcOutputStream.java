package io.peerdesk.sim.journal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * Counts and checksums what passes through, so a snapshot can be streamed and its header
 * filled in afterwards. {@link #close()} only flushes: the store, not the caller's writer,
 * owns the file.
 */
final class CrcOutputStream extends FilterOutputStream {

    private final CRC32C crc = new CRC32C();
    private long count;

    CrcOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        crc.update(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        crc.update(b, off, len);
        count += len;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    long count() {
        return count;
    }

    int crc() {
        return (int) crc.getValue();
    }
}

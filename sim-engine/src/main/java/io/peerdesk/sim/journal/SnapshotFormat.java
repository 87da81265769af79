package io.peerdesk.sim.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/** Naming, header and validation of snapshot files. */
final class SnapshotFormat {

    static final int MAGIC = 0x5044534E; // "PDSN"
    static final int VERSION = 1;
    static final int HEADER_SIZE = 28;
    static final String TMP_SUFFIX = ".tmp";

    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.bin");
    private static final Pattern TMP_NAME = Pattern.compile("snapshot-\\d{20}\\.bin\\.tmp");
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    record Named(Path path, long seq) {
    }

    private SnapshotFormat() {
    }

    static Path path(Path dir, long seq) {
        return dir.resolve(String.format("snapshot-%020d.bin", seq));
    }

    /** Complete snapshot files, newest first. */
    static List<Named> list(Path dir) throws IOException {
        List<Named> found = new ArrayList<>();
        for (NumberedFiles.Numbered f : NumberedFiles.list(dir, NAME)) {
            found.add(new Named(f.path(), f.number()));
        }
        Collections.reverse(found);
        return found;
    }

    static List<Path> listTemporary(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> TMP_NAME.matcher(f.getFileName().toString()).matches()).toList();
        }
    }

    static ByteBuffer header(long seq, long length, int crc) {
        return ByteBuffer.allocate(HEADER_SIZE).putInt(MAGIC).putInt(VERSION).putLong(seq).putLong(length).putInt(crc).flip();
    }

    /** Reads and fully validates a snapshot file. */
    static Snapshot read(Named file) throws IOException {
        Path path = file.path();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER_SIZE) {
                throw SnapshotCorruptedException.of(path, "truncated header (" + size + " bytes)");
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
            readFully(channel, header, 0);
            header.flip();
            int magic = header.getInt();
            int version = header.getInt();
            long seq = header.getLong();
            long length = header.getLong();
            int crc = header.getInt();
            if (magic != MAGIC) {
                throw SnapshotCorruptedException.of(path, String.format("not a snapshot (magic 0x%08X)", magic));
            }
            if (version != VERSION) {
                throw SnapshotCorruptedException.of(path, "unsupported snapshot format version " + version);
            }
            if (seq != file.seq()) {
                throw SnapshotCorruptedException.of(path, "header says seq " + seq + " but the file name says " + file.seq());
            }
            if (length != size - HEADER_SIZE) {
                throw SnapshotCorruptedException.of(path, "header says " + length + " payload bytes but the file has "
                        + (size - HEADER_SIZE));
            }
            if (length > MAX_ARRAY) {
                throw new IOException("snapshot " + path + " is too large to load into one array: " + length + " bytes");
            }
            byte[] state = new byte[(int) length];
            readFully(channel, ByteBuffer.wrap(state), HEADER_SIZE);
            CRC32C actual = new CRC32C();
            actual.update(state);
            if ((int) actual.getValue() != crc) {
                throw SnapshotCorruptedException.of(path, "CRC mismatch");
            }
            return new Snapshot(seq, state);
        }
    }

    static void writeFully(FileChannel channel, ByteBuffer src, long position) throws IOException {
        long at = position;
        while (src.hasRemaining()) {
            at += channel.write(src, at);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer dst, long position) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, at);
            if (n < 0) {
                throw new java.io.EOFException("snapshot file shrank while being read");
            }
            at += n;
        }
    }
}

package io.peerdesk.sim.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Helpers for the journal tests: payloads, and damaging files the way crashes and disks do. */
final class JournalTestSupport {

    static final int HEADER = SegmentFile.HEADER_SIZE;
    static final int FRAME = RecordFormat.FRAME_OVERHEAD;

    private JournalTestSupport() {
    }

    /** A payload of exactly {@code size} bytes (at least 8) that names record {@code i}. */
    static byte[] payload(long i, int size) {
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putLong(i);
        while (b.hasRemaining()) {
            b.put((byte) ('a' + (i + b.position()) % 26));
        }
        return b.array();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static List<Path> segmentFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (SegmentFile.Named named : SegmentFile.list(dir)) {
            files.add(named.path());
        }
        return files;
    }

    static Path lastSegment(Path dir) throws IOException {
        List<Path> files = segmentFiles(dir);
        return files.get(files.size() - 1);
    }

    /** Every record of the journal as (seq, payload). */
    static List<Replayed> replayAll(Journal journal, long afterSeq) throws IOException {
        List<Replayed> out = new ArrayList<>();
        journal.replay(afterSeq, (seq, payload) -> out.add(new Replayed(seq, payload)));
        return out;
    }

    record Replayed(long seq, byte[] payload) {
    }

    static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x5A);
        }
    }

    static void writeIntAt(Path file, long offset, int value) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.writeInt(value);
        }
    }

    static void appendBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }
}

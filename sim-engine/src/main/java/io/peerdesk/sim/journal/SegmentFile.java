package io.peerdesk.sim.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Naming and header of journal segment files. */
final class SegmentFile {

    static final int MAGIC = 0x50444A4C; // "PDJL"
    static final int VERSION = 1;
    static final int HEADER_SIZE = 16;

    private static final Pattern NAME = Pattern.compile("journal-(\\d{20})\\.log");

    /** A segment file found in the directory, identified by the first seq in its name. */
    record Named(Path path, long firstSeq) {
    }

    private SegmentFile() {
    }

    static Path path(Path dir, long firstSeq) {
        return dir.resolve(String.format("journal-%020d.log", firstSeq));
    }

    /** Segment files of {@code dir}, oldest first; files with other names are ignored. */
    static List<Named> list(Path dir) throws IOException {
        List<Named> found = new ArrayList<>();
        for (NumberedFiles.Numbered f : NumberedFiles.list(dir, NAME)) {
            found.add(new Named(f.path(), f.number()));
        }
        return found;
    }

    static byte[] header(long firstSeq) {
        return ByteBuffer.allocate(HEADER_SIZE).putInt(MAGIC).putInt(VERSION).putLong(firstSeq).array();
    }

    /** Returns why the header is unacceptable, or null when it is fine. */
    static String headerProblem(PositionalReader reader, long expectedFirstSeq) throws IOException {
        if (reader.size() < HEADER_SIZE) {
            return "truncated segment header (" + reader.size() + " bytes)";
        }
        int magic = reader.intAt(0);
        if (magic != MAGIC) {
            return String.format("not a journal segment (magic 0x%08X)", magic);
        }
        int version = reader.intAt(4);
        if (version != VERSION) {
            return "unsupported journal format version " + version;
        }
        long firstSeq = reader.longAt(8);
        if (firstSeq != expectedFirstSeq) {
            return "header says first seq " + firstSeq + " but the file name says " + expectedFirstSeq;
        }
        return null;
    }

    static boolean headerIsAllZero(PositionalReader reader) throws IOException {
        return reader.size() >= HEADER_SIZE && reader.intAt(0) == 0 && reader.intAt(4) == 0 && reader.longAt(8) == 0;
    }
}

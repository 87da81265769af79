package io.peerdesk.sim.journal;

import java.io.IOException;
import java.nio.file.Path;

/** Validates the records of one segment. */
final class SegmentScanner {

    /** The first record that does not validate. */
    record Damage(long offset, String reason) {
    }

    /**
     * @param records  valid records before the damage (or in the whole file)
     * @param validEnd offset just past the last valid record
     * @param damage   null when the whole file is valid
     */
    record Result(long records, long validEnd, Damage damage) {
    }

    private SegmentScanner() {
    }

    static Result scan(PositionalReader reader) throws IOException {
        long position = SegmentFile.HEADER_SIZE;
        long records = 0;
        while (position < reader.size()) {
            String problem = problemAt(reader, position);
            if (problem != null) {
                return new Result(records, position, new Damage(position, problem));
            }
            position += RecordFormat.FRAME_OVERHEAD + reader.intAt(position);
            records++;
        }
        return new Result(records, position, null);
    }

    /** Returns why the record starting at {@code position} is invalid, or null if it is valid. */
    static String problemAt(PositionalReader reader, long position) throws IOException {
        long remaining = reader.size() - position;
        if (remaining < 4) {
            return "truncated length";
        }
        if (remaining < RecordFormat.FRAME_OVERHEAD) {
            return "truncated CRC";
        }
        int length = reader.intAt(position);
        if (!RecordFormat.plausibleLength(length)) {
            return "invalid length " + length;
        }
        if (length > remaining - RecordFormat.FRAME_OVERHEAD) {
            return "truncated payload";
        }
        if (reader.crc32c(position + RecordFormat.FRAME_OVERHEAD, length) != reader.intAt(position + 4)) {
            return "CRC mismatch";
        }
        return null;
    }

    /**
     * Checksum work {@link #findValidRecord} may spend before giving up. Random garbage can make
     * many offsets look like long records; past this budget, cutting is no longer justified.
     */
    static final long PROBE_BUDGET_BYTES = 4L << 30;

    /**
     * Looks at every byte offset from {@code from} for something that validates as a record.
     * Finding one means the damage before it was not a torn final write but corruption inside
     * data that may have been acknowledged. A random match needs a plausible length and a
     * 32-bit CRC hit, so false positives are negligible.
     *
     * @return the offset of the first valid-looking record, or -1
     * @throws JournalCorruptedException when the probe exceeds its budget: without proof that
     *         nothing valid follows the damage, refusing is the only safe answer
     */
    static long findValidRecord(PositionalReader reader, long from, Path file) throws IOException {
        return findValidRecord(reader, from, file, PROBE_BUDGET_BYTES);
    }

    static long findValidRecord(PositionalReader reader, long from, Path file, long budgetBytes) throws IOException {
        long last = reader.size() - RecordFormat.FRAME_OVERHEAD - 1;
        long budget = budgetBytes;
        for (long position = from; position <= last; position++) {
            int length = reader.intAt(position);
            if (RecordFormat.plausibleLength(length) && length <= reader.size() - position - RecordFormat.FRAME_OVERHEAD) {
                budget -= length;
                if (budget < 0) {
                    throw new JournalCorruptedException(file, from - 1, "damaged data; could not verify within "
                            + budgetBytes + " checksummed bytes that no valid record follows, refusing to cut");
                }
                if (reader.crc32c(position + RecordFormat.FRAME_OVERHEAD, length) == reader.intAt(position + 4)) {
                    return position;
                }
            }
        }
        return -1;
    }
}

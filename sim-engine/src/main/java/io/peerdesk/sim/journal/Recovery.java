package io.peerdesk.sim.journal;

import io.peerdesk.sim.journal.RecoveryReport.TornTail;
import io.peerdesk.sim.journal.SegmentFile.Named;
import io.peerdesk.sim.journal.SegmentScanner.Damage;
import io.peerdesk.sim.journal.SegmentScanner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings a journal directory to a state appends can continue from.
 *
 * <p>Only one kind of damage is repaired: an incomplete or garbled final write at the end of
 * the last segment, i.e. the record a crash interrupted. It cannot have been acknowledged,
 * since acknowledging fsyncs it whole, and segments are fsynced before the next one is created.
 * Any other damage (in an earlier segment, or followed by valid data, or missing segments) may
 * hit acknowledged data and is reported instead of being repaired.
 */
final class Recovery {

    record Outcome(List<SealedSegment> sealed, ActiveSegment active, RecoveryReport report) {
    }

    private Recovery() {
    }

    static Outcome run(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Named> files = SegmentFile.list(dir);
        if (files.isEmpty()) {
            ActiveSegment active = ActiveSegment.create(dir, 1);
            return new Outcome(List.of(), active, new RecoveryReport(1, 0, 1, 0, Optional.empty()));
        }
        List<SealedSegment> sealed = new ArrayList<>();
        long nextSeq = files.get(0).firstSeq();
        for (Named file : files.subList(0, files.size() - 1)) {
            requireContiguous(file, nextSeq);
            long records = countRecordsOfSealed(file);
            sealed.add(new SealedSegment(file.path(), file.firstSeq(), records));
            nextSeq += records;
        }
        Named last = files.get(files.size() - 1);
        requireContiguous(last, nextSeq);
        LastSegment tail = recoverLast(last);
        long records = sealed.stream().mapToLong(SealedSegment::records).sum() + tail.active.records();
        long lastSeq = last.firstSeq() + tail.active.records() - 1;
        RecoveryReport report = new RecoveryReport(files.size(), records, files.get(0).firstSeq(), lastSeq,
                Optional.ofNullable(tail.tornTail));
        return new Outcome(sealed, tail.active, report);
    }

    private record LastSegment(ActiveSegment active, TornTail tornTail) {
    }

    private static void requireContiguous(Named file, long expectedFirstSeq) throws JournalCorruptedException {
        if (file.firstSeq() != expectedFirstSeq) {
            throw new JournalCorruptedException(file.path(), -1, "segment starts at seq " + file.firstSeq()
                    + " but the previous segment ends at seq " + (expectedFirstSeq - 1)
                    + ": a segment file is missing or extra");
        }
    }

    private static long countRecordsOfSealed(Named file) throws IOException {
        try (PositionalReader reader = PositionalReader.open(file.path())) {
            String headerProblem = SegmentFile.headerProblem(reader, file.firstSeq());
            if (headerProblem != null) {
                throw new JournalCorruptedException(file.path(), 0, headerProblem);
            }
            Result result = SegmentScanner.scan(reader);
            if (result.damage() != null) {
                throw new JournalCorruptedException(file.path(), result.damage().offset(), result.damage().reason()
                        + " in a segment that is not the last one, so this is not an interrupted write");
            }
            return result.records();
        }
    }

    private static LastSegment recoverLast(Named file) throws IOException {
        Path path = file.path();
        long validEnd;
        long records;
        TornTail torn = null;
        boolean rewriteHeader = false;
        try (PositionalReader reader = PositionalReader.open(path)) {
            long size = reader.size();
            if (size < SegmentFile.HEADER_SIZE || SegmentFile.headerIsAllZero(reader)) {
                // The crash hit while this segment was being created: nothing in it was ever fsynced.
                long valid = SegmentScanner.findValidRecord(reader, SegmentFile.HEADER_SIZE, path);
                if (valid >= 0) {
                    throw new JournalCorruptedException(path, 0,
                            "segment header is missing but a valid record exists at offset " + valid);
                }
                String reason = size < SegmentFile.HEADER_SIZE ? "truncated segment header" : "zeroed segment header";
                torn = new TornTail(path, 0, size, reason);
                rewriteHeader = true;
                validEnd = SegmentFile.HEADER_SIZE;
                records = 0;
            } else {
                String headerProblem = SegmentFile.headerProblem(reader, file.firstSeq());
                if (headerProblem != null) {
                    throw new JournalCorruptedException(path, 0, headerProblem);
                }
                Result result = SegmentScanner.scan(reader);
                Damage damage = result.damage();
                if (damage != null) {
                    long valid = SegmentScanner.findValidRecord(reader, damage.offset() + 1, path);
                    if (valid >= 0) {
                        throw new JournalCorruptedException(path, damage.offset(), damage.reason()
                                + ", yet a valid record follows at offset " + valid
                                + ": this is not an interrupted final write, refusing to drop data");
                    }
                    torn = new TornTail(path, result.validEnd(), size - result.validEnd(), damage.reason());
                }
                validEnd = result.validEnd();
                records = result.records();
            }
        }
        // Reopened for writing only after the reader is closed, so the cut also works on Windows.
        return new LastSegment(ActiveSegment.reopen(path, file.firstSeq(), validEnd, records, rewriteHeader), torn);
    }
}

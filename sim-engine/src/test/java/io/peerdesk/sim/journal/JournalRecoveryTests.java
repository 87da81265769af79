package io.peerdesk.sim.journal;

import static io.peerdesk.sim.journal.JournalTestSupport.FRAME;
import static io.peerdesk.sim.journal.JournalTestSupport.HEADER;
import static io.peerdesk.sim.journal.JournalTestSupport.appendBytes;
import static io.peerdesk.sim.journal.JournalTestSupport.flipByte;
import static io.peerdesk.sim.journal.JournalTestSupport.lastSegment;
import static io.peerdesk.sim.journal.JournalTestSupport.payload;
import static io.peerdesk.sim.journal.JournalTestSupport.replayAll;
import static io.peerdesk.sim.journal.JournalTestSupport.segmentFiles;
import static io.peerdesk.sim.journal.JournalTestSupport.truncate;
import static io.peerdesk.sim.journal.JournalTestSupport.writeIntAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.peerdesk.sim.journal.JournalTestSupport.Replayed;
import io.peerdesk.sim.journal.RecoveryReport.TornTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournalRecoveryTests {

    private static final int RECORDS = 10;
    private static final int PAYLOAD = 100;
    private static final int RECORD = FRAME + PAYLOAD;
    private static final long END = HEADER + (long) RECORDS * RECORD;
    private static final long LAST_START = END - RECORD;

    @TempDir
    Path dir;

    /** Ways a crash (or a confused disk) damages the end of the last segment. */
    enum TornTailDamage {
        TRUNCATED_IN_LENGTH(LAST_START + 2, RECORDS - 1, "truncated length"),
        TRUNCATED_IN_CRC(LAST_START + 6, RECORDS - 1, "truncated CRC"),
        TRUNCATED_IN_PAYLOAD(END - 30, RECORDS - 1, "truncated payload"),
        CRC_FLIPPED_IN_LAST_RECORD(LAST_START, RECORDS - 1, "CRC mismatch"),
        PAYLOAD_FLIPPED_IN_LAST_RECORD(LAST_START, RECORDS - 1, "CRC mismatch"),
        GARBAGE_APPENDED(END, RECORDS, null),
        ZEROS_APPENDED(END, RECORDS, "invalid length 0"),
        HUGE_LENGTH_APPENDED(END, RECORDS, "invalid length");

        final long cutAt;
        final int survivingRecords;
        final String reason;

        TornTailDamage(long cutAt, int survivingRecords, String reason) {
            this.cutAt = cutAt;
            this.survivingRecords = survivingRecords;
            this.reason = reason;
        }

        /** Applies the damage and returns the file size afterwards. */
        long apply(Path segment) throws IOException {
            switch (this) {
                case TRUNCATED_IN_LENGTH, TRUNCATED_IN_CRC, TRUNCATED_IN_PAYLOAD -> truncate(segment, cutAt);
                case CRC_FLIPPED_IN_LAST_RECORD -> flipByte(segment, LAST_START + 5);
                case PAYLOAD_FLIPPED_IN_LAST_RECORD -> flipByte(segment, END - 1);
                case GARBAGE_APPENDED -> {
                    byte[] garbage = new byte[37];
                    new Random(7).nextBytes(garbage);
                    appendBytes(segment, garbage);
                }
                case ZEROS_APPENDED -> appendBytes(segment, new byte[4096]);
                case HUGE_LENGTH_APPENDED -> appendBytes(segment, new byte[] {0x7F, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7});
                default -> throw new AssertionError(this);
            }
            return Files.size(segment);
        }
    }

    @ParameterizedTest
    @EnumSource(TornTailDamage.class)
    void cutsTornLastRecordReportsItAndKeepsAppendingCorrectly(TornTailDamage damage) throws IOException {
        writeRecords(RECORDS);
        Path segment = lastSegment(dir);
        long damagedSize = damage.apply(segment);

        try (Journal journal = Journal.open(dir)) {
            RecoveryReport report = journal.recoveryReport();
            assertThat(report.tornTailCut()).isTrue();
            TornTail torn = report.tornTail().orElseThrow();
            assertThat(torn.file()).isEqualTo(segment);
            assertThat(torn.offset()).isEqualTo(damage.survivingRecords == RECORDS ? END : LAST_START);
            assertThat(torn.bytesRemoved()).isEqualTo(damagedSize - torn.offset());
            if (damage.reason != null) {
                assertThat(torn.reason()).startsWith(damage.reason);
            }
            assertThat(report.records()).isEqualTo(damage.survivingRecords);
            assertThat(report.lastSeq()).isEqualTo(damage.survivingRecords);
            assertThat(Files.size(segment)).isEqualTo(torn.offset());

            for (int i = damage.survivingRecords + 1; i <= RECORDS + 3; i++) {
                assertThat(journal.append(payload(i, PAYLOAD))).isEqualTo(i);
            }
            journal.awaitDurable(RECORDS + 3);
        }
        try (Journal journal = Journal.open(dir)) {
            assertThat(journal.recoveryReport().tornTailCut()).isFalse();
            List<Replayed> all = replayAll(journal, 0);
            assertThat(all).hasSize(RECORDS + 3);
            for (Replayed r : all) {
                assertThat(r.payload()).isEqualTo(payload(r.seq(), PAYLOAD));
            }
        }
    }

    @Test
    void cutsTornLastRecordAndReportsIt() throws IOException {
        writeRecords(3);
        Path segment = lastSegment(dir);
        truncate(segment, Files.size(segment) - 1);

        try (Journal journal = Journal.open(dir)) {
            assertThat(journal.recoveryReport().tornTail()).contains(
                    new TornTail(segment, HEADER + 2L * RECORD, RECORD - 1, "truncated payload"));
            assertThat(replayAll(journal, 0)).hasSize(2);
        }
    }

    @Test
    void refusesToOpenWhenARecordInTheMiddleIsCorrupt() throws IOException {
        writeRecords(RECORDS);
        Path segment = lastSegment(dir);
        long third = HEADER + 2L * RECORD;
        flipByte(segment, third + FRAME + 10);

        assertThatThrownBy(() -> Journal.open(dir))
                .isInstanceOfSatisfying(JournalCorruptedException.class, e -> {
                    assertThat(e.file()).isEqualTo(segment);
                    assertThat(e.offset()).isEqualTo(third);
                })
                .hasMessageContaining(segment.toString())
                .hasMessageContaining("offset " + third)
                .hasMessageContaining("CRC mismatch")
                .hasMessageContaining("valid record follows at offset " + (third + RECORD));
        assertThat(Files.size(segment)).as("nothing is cut").isEqualTo(END);
    }

    @Test
    void refusesToOpenWhenALengthInTheMiddleIsCorrupt() throws IOException {
        writeRecords(RECORDS);
        Path segment = lastSegment(dir);
        long fifth = HEADER + 4L * RECORD;
        writeIntAt(segment, fifth, 1 << 20);

        assertThatThrownBy(() -> Journal.open(dir))
                .isInstanceOfSatisfying(JournalCorruptedException.class, e -> assertThat(e.offset()).isEqualTo(fifth))
                .hasMessageContaining("truncated payload");
        assertThat(Files.size(segment)).isEqualTo(END);
    }

    @Test
    void refusesToOpenWhenASegmentOtherThanTheLastIsTorn() throws IOException {
        Journal.Options small = Journal.Options.defaults().withSegmentSize(3 * RECORD + HEADER);
        try (Journal journal = Journal.open(dir, small)) {
            for (int i = 1; i <= 10; i++) {
                journal.append(payload(i, PAYLOAD));
            }
        }
        Path second = segmentFiles(dir).get(1);
        truncate(second, Files.size(second) - 5);

        assertThatThrownBy(() -> Journal.open(dir, small))
                .isInstanceOfSatisfying(JournalCorruptedException.class, e -> {
                    assertThat(e.file()).isEqualTo(second);
                    assertThat(e.offset()).isEqualTo(HEADER + 2L * RECORD);
                })
                .hasMessageContaining("not the last one");
    }

    @Test
    void refusesToOpenWhenASegmentIsMissing() throws IOException {
        Journal.Options small = Journal.Options.defaults().withSegmentSize(3 * RECORD + HEADER);
        try (Journal journal = Journal.open(dir, small)) {
            for (int i = 1; i <= 10; i++) {
                journal.append(payload(i, PAYLOAD));
            }
        }
        Files.delete(segmentFiles(dir).get(1));

        assertThatThrownBy(() -> Journal.open(dir, small))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("segment starts at seq 7 but the previous segment ends at seq 3");
    }

    @Test
    void refusesToOpenASegmentWithAForeignHeader() throws IOException {
        writeRecords(2);
        writeIntAt(lastSegment(dir), 0, 0xCAFEBABE);

        assertThatThrownBy(() -> Journal.open(dir))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("not a journal segment");
    }

    @Test
    void recreatesALastSegmentWhoseHeaderNeverReachedTheDisk() throws IOException {
        writeRecords(4);
        Path next = SegmentFile.path(dir, 5);
        Files.write(next, new byte[] {0x50, 0x44}); // crash while the roll wrote the header

        try (Journal journal = Journal.open(dir)) {
            TornTail torn = journal.recoveryReport().tornTail().orElseThrow();
            assertThat(torn.file()).isEqualTo(next);
            assertThat(torn.reason()).isEqualTo("truncated segment header");
            assertThat(journal.lastSeq()).isEqualTo(4);
            assertThat(journal.append(payload(5, PAYLOAD))).isEqualTo(5);
        }
        try (Journal journal = Journal.open(dir)) {
            assertThat(replayAll(journal, 0)).hasSize(5);
        }
    }

    @Test
    void recreatesALastSegmentThatIsAllZeros() throws IOException {
        writeRecords(4);
        Files.write(SegmentFile.path(dir, 5), new byte[8192]);

        try (Journal journal = Journal.open(dir)) {
            assertThat(journal.recoveryReport().tornTail().orElseThrow().reason()).isEqualTo("zeroed segment header");
            assertThat(journal.append(payload(5, PAYLOAD))).isEqualTo(5);
        }
    }

    @Test
    void replayDetectsDamageThatAppearsAfterOpen() throws IOException {
        writeRecords(RECORDS);
        try (Journal journal = Journal.open(dir)) {
            flipByte(lastSegment(dir), HEADER + FRAME + 1);
            List<Long> seen = new ArrayList<>();
            assertThatThrownBy(() -> journal.replay(0, (seq, p) -> seen.add(seq)))
                    .isInstanceOf(JournalCorruptedException.class)
                    .hasMessageContaining("CRC mismatch");
            assertThat(seen).isEmpty();
        }
    }

    private void writeRecords(int count) throws IOException {
        try (Journal journal = Journal.open(dir)) {
            for (int i = 1; i <= count; i++) {
                journal.append(payload(i, PAYLOAD));
            }
        }
    }
}

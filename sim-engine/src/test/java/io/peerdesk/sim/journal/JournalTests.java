package io.peerdesk.sim.journal;

import static io.peerdesk.sim.journal.JournalTestSupport.payload;
import static io.peerdesk.sim.journal.JournalTestSupport.replayAll;
import static io.peerdesk.sim.journal.JournalTestSupport.segmentFiles;
import static io.peerdesk.sim.journal.JournalTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.peerdesk.sim.journal.JournalTestSupport.Replayed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTests {

    private static final Journal.Options SMALL_SEGMENTS = Journal.Options.defaults().withSegmentSize(1024);

    @TempDir
    Path dir;

    @Test
    void appendsAndReplaysInOrderAcrossSegmentRolls() throws IOException {
        Random random = new Random(42);
        List<byte[]> written = new ArrayList<>();
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            for (int i = 1; i <= 500; i++) {
                byte[] p = payload(i, 8 + random.nextInt(300));
                written.add(p);
                assertThat(journal.append(p)).isEqualTo(i);
            }
            journal.awaitDurable(500);

            List<Replayed> all = replayAll(journal, 0);
            assertThat(all).extracting(Replayed::seq).containsExactlyElementsOf(seqs(1, 500));
            for (int i = 0; i < 500; i++) {
                assertThat(all.get(i).payload()).isEqualTo(written.get(i));
            }
            assertThat(replayAll(journal, 321)).extracting(Replayed::seq).containsExactlyElementsOf(seqs(322, 500));
            assertThat(replayAll(journal, 500)).isEmpty();
        }
        assertThat(segmentFiles(dir)).hasSizeGreaterThan(50);
        assertThat(segmentFiles(dir)).allSatisfy(f -> assertThat(Files.size(f)).isLessThanOrEqualTo(1024));
    }

    @Test
    void namesSegmentsAfterTheirFirstSeq() throws IOException {
        try (Journal journal = Journal.open(dir, Journal.Options.defaults().withSegmentSize(64))) {
            journal.append(payload(1, 40));
            journal.append(payload(2, 40));
        }
        assertThat(segmentFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("journal-00000000000000000001.log", "journal-00000000000000000002.log");
    }

    @Test
    void reopenAfterCloseKeepsRecordsAndContinuesTheSequence() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            for (int i = 1; i <= 100; i++) {
                journal.append(payload(i, 50));
            }
        }
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            RecoveryReport report = journal.recoveryReport();
            assertThat(report.records()).isEqualTo(100);
            assertThat(report.lastSeq()).isEqualTo(100);
            assertThat(report.firstSeq()).isEqualTo(1);
            assertThat(report.tornTailCut()).isFalse();
            assertThat(journal.append(payload(101, 50))).isEqualTo(101);
        }
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            List<Replayed> all = replayAll(journal, 0);
            assertThat(all).extracting(Replayed::seq).containsExactlyElementsOf(seqs(1, 101));
            assertThat(all.get(100).payload()).isEqualTo(payload(101, 50));
        }
    }

    @Test
    void startsEmptyWithSeqOne() throws IOException {
        try (Journal journal = Journal.open(dir.resolve("new/sub"))) {
            assertThat(journal.lastSeq()).isZero();
            assertThat(journal.firstSeq()).isEqualTo(1);
            assertThat(journal.recoveryReport().records()).isZero();
            assertThat(replayAll(journal, 0)).isEmpty();
            assertThat(journal.append(text("first"))).isEqualTo(1);
        }
    }

    @Test
    void putsARecordLargerThanTheSegmentSizeInASegmentOfItsOwn() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            journal.append(payload(1, 100));
            journal.append(payload(2, 5000));
            journal.append(payload(3, 100));
        }
        assertThat(segmentFiles(dir)).hasSize(3);
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            assertThat(replayAll(journal, 1).get(0).payload()).isEqualTo(payload(2, 5000));
        }
    }

    @Test
    void rollAfterSnapshotDeletesSegmentsCoveredByTheSnapshot() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            for (int i = 1; i <= 200; i++) {
                journal.append(payload(i, 92)); // 100-byte frames: 10 per segment
            }
            int deleted = journal.rollAfterSnapshot(155);

            assertThat(deleted).isEqualTo(15);
            assertThat(journal.firstSeq()).isEqualTo(151);
            assertThat(segmentFiles(dir).get(0).getFileName().toString()).isEqualTo("journal-00000000000000000151.log");
            assertThat(replayAll(journal, 155)).extracting(Replayed::seq).containsExactlyElementsOf(seqs(156, 200));
        }
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            assertThat(journal.recoveryReport().firstSeq()).isEqualTo(151);
            assertThat(journal.recoveryReport().records()).isEqualTo(50);
            assertThat(journal.append(payload(201, 92))).isEqualTo(201);
        }
    }

    @Test
    void rollAfterSnapshotStartsAFreshSegmentSoTheCurrentOneCanGo() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            for (int i = 1; i <= 10; i++) {
                journal.append(payload(i, 20));
            }
            journal.rollAfterSnapshot(10);
        }
        assertThat(segmentFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("journal-00000000000000000011.log");
        try (Journal journal = Journal.open(dir)) {
            assertThat(journal.lastSeq()).isEqualTo(10);
            assertThat(journal.firstSeq()).isEqualTo(11);
            assertThat(replayAll(journal, 10)).isEmpty();
            assertThat(journal.append(payload(11, 20))).isEqualTo(11);
        }
    }

    @Test
    void deleteSegmentsCoveredByKeepsSegmentsWithLaterRecords() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            for (int i = 1; i <= 35; i++) {
                journal.append(payload(i, 92));
            }
            assertThat(journal.deleteSegmentsCoveredBy(19)).isEqualTo(1); // 1..10 only; 11..20 holds 20
            assertThat(journal.firstSeq()).isEqualTo(11);
            assertThat(journal.deleteSegmentsCoveredBy(1000)).isEqualTo(2); // never the current segment
            assertThat(journal.firstSeq()).isEqualTo(31);
        }
    }

    @Test
    void replayRefusesWhenRecordsAfterTheSnapshotWereDeleted() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            for (int i = 1; i <= 50; i++) {
                journal.append(payload(i, 92));
            }
            journal.rollAfterSnapshot(30);

            assertThatThrownBy(() -> journal.replay(20, (seq, p) -> { }))
                    .isInstanceOf(JournalCorruptedException.class)
                    .hasMessageContaining("records 21..30 were deleted");
        }
    }

    @Test
    void replayRefusesASnapshotAheadOfTheJournal() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            journal.append(text("one"));
            assertThatThrownBy(() -> journal.replay(5, (seq, p) -> { }))
                    .isInstanceOf(JournalCorruptedException.class)
                    .hasMessageContaining("journal ends at seq 1");
        }
    }

    @Test
    void replayPropagatesTheConsumersException() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            journal.append(text("one"));
            assertThatThrownBy(() -> journal.replay(0, (seq, p) -> {
                throw new IOException("cannot decode");
            })).hasMessage("cannot decode");
        }
    }

    @Test
    void rejectsEmptyAndNullPayloads() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            assertThatThrownBy(() -> journal.append(new byte[0])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> journal.append(null)).isInstanceOf(NullPointerException.class);
            assertThat(journal.append(new byte[] {0})).isEqualTo(1);
        }
    }

    @Test
    void awaitDurableRejectsASeqNotYetAppended() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            journal.append(text("one"));
            journal.awaitDurable(0);
            journal.awaitDurable(1);
            assertThatThrownBy(() -> journal.awaitDurable(2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAppendsAfterCloseButStillAnswersDurabilityOfWhatWasWritten() throws IOException {
        Journal journal = Journal.open(dir);
        journal.append(text("one"));
        journal.close();
        journal.close();

        assertThatThrownBy(() -> journal.append(text("two"))).isInstanceOf(IllegalStateException.class);
        journal.awaitDurable(1);
    }

    @Test
    void refusesEverythingAfterAWriteFails() throws IOException {
        Journal journal = Journal.open(dir);
        journal.append(text("one"));
        journal.activeSegmentForTesting().fileForTesting().close(); // the next write fails

        assertThatThrownBy(() -> journal.append(text("two"))).isInstanceOf(JournalFailedException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> journal.append(text("three"))).isInstanceOf(JournalFailedException.class);
        assertThatThrownBy(() -> journal.awaitDurable(1)).isInstanceOf(JournalFailedException.class);
        assertThatThrownBy(() -> journal.rollAfterSnapshot(1)).isInstanceOf(JournalFailedException.class);
        journal.close();

        try (Journal reopened = Journal.open(dir)) {
            assertThat(replayAll(reopened, 0)).extracting(r -> text(r.payload())).containsExactly("one");
        }
    }

    @Test
    void refusesEverythingAfterAnFsyncFails() throws IOException {
        Journal journal = Journal.open(dir);
        journal.append(text("one"));
        journal.activeSegmentForTesting().fileForTesting().close(); // the syncer's force fails

        assertThatThrownBy(() -> journal.awaitDurable(1)).isInstanceOf(JournalFailedException.class)
                .hasMessageContaining("refuses further use");
        assertThatThrownBy(() -> journal.append(text("two"))).isInstanceOf(JournalFailedException.class);
        journal.close();
    }

    @Test
    void syncModeNoneKeepsRecordsAcrossReopenWithoutWaiting() throws IOException {
        Journal.Options none = SMALL_SEGMENTS.withSyncMode(SyncMode.NONE);
        try (Journal journal = Journal.open(dir, none)) {
            for (int i = 1; i <= 100; i++) {
                journal.awaitDurable(journal.append(payload(i, 50)));
            }
        }
        try (Journal journal = Journal.open(dir, none)) {
            assertThat(replayAll(journal, 0)).hasSize(100);
        }
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> Journal.Options.defaults().withSegmentSize(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Journal.Options.defaults().withSyncMode(null)).isInstanceOf(NullPointerException.class);
    }

    static List<Long> seqs(long from, long to) {
        List<Long> seqs = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            seqs.add(s);
        }
        return seqs;
    }
}

package io.peerdesk.sim.journal;

import static io.peerdesk.sim.journal.JournalTestSupport.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentScannerTests {

    @TempDir
    Path dir;

    @Test
    void findsAValidRecordHiddenAtAnOddOffset() throws IOException {
        byte[] frame = RecordFormat.frame(payload(1, 50));
        Path file = write(ByteBuffer.allocate(7 + frame.length + 5).put(new byte[7]).put(frame).put(new byte[5]).array());
        try (PositionalReader reader = PositionalReader.open(file)) {
            assertThat(SegmentScanner.findValidRecord(reader, 0, file)).isEqualTo(7);
            assertThat(SegmentScanner.findValidRecord(reader, 8, file)).isEqualTo(-1);
        }
    }

    @Test
    void refusesRatherThanCutsWhenTheProbeRunsOutOfBudget() throws IOException {
        ByteBuffer lookalikes = ByteBuffer.allocate(4096);
        while (lookalikes.remaining() >= 4) {
            lookalikes.putInt(1000); // every 4th offset claims a 1000-byte record that fails its CRC
        }
        Path file = write(lookalikes.array());
        try (PositionalReader reader = PositionalReader.open(file)) {
            assertThatThrownBy(() -> SegmentScanner.findValidRecord(reader, 1, file, 10_000))
                    .isInstanceOfSatisfying(JournalCorruptedException.class, e -> assertThat(e.offset()).isZero())
                    .hasMessageContaining("refusing to cut");
            assertThat(SegmentScanner.findValidRecord(reader, 1, file)).isEqualTo(-1);
        }
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("segment");
        Files.write(file, bytes);
        return file;
    }
}

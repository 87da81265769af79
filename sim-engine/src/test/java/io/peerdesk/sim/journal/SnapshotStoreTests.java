package io.peerdesk.sim.journal;

import static io.peerdesk.sim.journal.JournalTestSupport.flipByte;
import static io.peerdesk.sim.journal.JournalTestSupport.text;
import static io.peerdesk.sim.journal.JournalTestSupport.truncate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTests {

    @TempDir
    Path dir;

    @Test
    void returnsNothingWhenNoSnapshotWasWritten() throws IOException {
        assertThat(SnapshotStore.open(dir).latest()).isEmpty();
    }

    @Test
    void returnsTheNewestSnapshotAfterReopening() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(10, text("ten"));
        store.write(20, text("twenty"));

        Snapshot latest = SnapshotStore.open(dir).latest().orElseThrow();
        assertThat(latest.seq()).isEqualTo(20);
        assertThat(text(latest.state())).isEqualTo("twenty");
        assertThat(dir.resolve("snapshot-00000000000000000020.bin")).exists();
    }

    @Test
    void keepsOnlyTheLatestTwo() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir);
        for (long seq = 1; seq <= 5; seq++) {
            store.write(seq * 100, text("state " + seq));
        }
        assertThat(fileNames()).containsExactly("snapshot-00000000000000000400.bin", "snapshot-00000000000000000500.bin");
        assertThat(store.oldestRetainedSeq()).hasValue(400);
    }

    @Test
    void ignoresAndDeletesALeftoverTemporaryFile() throws IOException {
        SnapshotStore.open(dir).write(10, text("ten"));
        Path leftover = dir.resolve("snapshot-00000000000000000099.bin.tmp");
        Files.write(leftover, text("half a snapsh")); // crash before the rename

        SnapshotStore store = SnapshotStore.open(dir);
        assertThat(leftover).doesNotExist();
        assertThat(store.latest().orElseThrow().seq()).isEqualTo(10);
    }

    @Test
    void fallsBackToThePreviousSnapshotWhenTheNewestIsCorrupt() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(10, text("ten"));
        store.write(20, text("twenty"));
        Path newest = dir.resolve("snapshot-00000000000000000020.bin");
        flipByte(newest, Files.size(newest) - 2);

        List<SnapshotStore.SkippedSnapshot> skipped = new ArrayList<>();
        Snapshot latest = store.latest(skipped::add).orElseThrow();

        assertThat(latest.seq()).isEqualTo(10);
        assertThat(text(latest.state())).isEqualTo("ten");
        assertThat(skipped).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo(newest);
            assertThat(s.reason()).contains("CRC mismatch");
        });
        assertThat(store.latest()).get().extracting(Snapshot::seq).isEqualTo(10L);
    }

    @Test
    void fallsBackWhenTheNewestIsTruncated() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(10, text("ten"));
        store.write(20, text("twenty"));
        truncate(dir.resolve("snapshot-00000000000000000020.bin"), 30);

        List<SnapshotStore.SkippedSnapshot> skipped = new ArrayList<>();
        assertThat(store.latest(skipped::add).orElseThrow().seq()).isEqualTo(10);
        assertThat(skipped.get(0).reason()).contains("payload bytes");
    }

    @Test
    void refusesToStartEmptyWhenTheOnlySnapshotIsCorrupt() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(10, text("ten"));
        Path only = dir.resolve("snapshot-00000000000000000010.bin");
        flipByte(only, 0);

        assertThatThrownBy(store::latest)
                .isInstanceOfSatisfying(SnapshotCorruptedException.class, e -> assertThat(e.file()).isEqualTo(only))
                .hasMessageContaining("refusing to start empty")
                .hasMessageContaining("not a snapshot");
        assertThat(only).as("the evidence is kept").exists();
    }

    @Test
    void treatsASnapshotWhoseHeaderDisagreesWithItsNameAsCorrupt() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(10, text("ten"));
        store.write(20, text("twenty"));
        Files.copy(dir.resolve("snapshot-00000000000000000010.bin"), dir.resolve("snapshot-00000000000000000030.bin"));

        List<SnapshotStore.SkippedSnapshot> skipped = new ArrayList<>();
        assertThat(store.latest(skipped::add).orElseThrow().seq()).isEqualTo(20);
        assertThat(skipped.get(0).reason()).contains("header says seq 10");
    }

    @Test
    void streamsALargeStateThroughAWriter() throws Exception {
        int chunk = 1 << 20;
        int chunks = 100;
        MessageDigest written = sha256();
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(7, out -> {
            byte[] buffer = new byte[chunk];
            for (int i = 0; i < chunks; i++) {
                java.util.Arrays.fill(buffer, (byte) i);
                buffer[i] = (byte) ~i;
                out.write(buffer);
                written.update(buffer);
            }
            out.close(); // allowed: the store owns the file
        });

        Snapshot latest = store.latest().orElseThrow();
        assertThat(latest.state()).hasSize(chunk * chunks);
        assertThat(sha256().digest(latest.state())).isEqualTo(written.digest());
    }

    @Test
    void leavesNoTraceWhenTheWriterFails() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(10, text("ten"));

        assertThatThrownBy(() -> store.write(20, (OutputStream out) -> {
            out.write(text("partial"));
            throw new IOException("serialisation failed");
        })).hasMessage("serialisation failed");

        assertThat(fileNames()).containsExactly("snapshot-00000000000000000010.bin");
        assertThat(store.latest().orElseThrow().seq()).isEqualTo(10);
    }

    @Test
    void refusesASnapshotOlderThanTheNewest() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(10, text("ten"));
        assertThatThrownBy(() -> store.write(5, text("five"))).isInstanceOf(IllegalArgumentException.class);
        store.write(10, text("ten again"));
        assertThat(text(store.latest().orElseThrow().state())).isEqualTo("ten again");
    }

    @Test
    void refusesWritesAfterClose() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir);
        store.close();
        assertThatThrownBy(() -> store.write(1, text("x"))).isInstanceOf(IllegalStateException.class);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }
}

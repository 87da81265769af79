package io.peerdesk.sim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints append throughput (each append followed by awaitDurable, like an acknowledged
 * command) so it can be reported. Timings are machine-dependent and deliberately not asserted.
 */
class JournalThroughputTests {

    private static final long RUN_NANOS = 1_000_000_000L;
    private static final int PAYLOAD = 200;

    @TempDir
    Path dir;

    @Test
    void measuresDurableAppendsPerSecondWithOneAndEightThreads() throws Exception {
        List<String> lines = new ArrayList<>();
        for (SyncMode mode : new SyncMode[] {SyncMode.FSYNC, SyncMode.NONE}) {
            for (int threads : new int[] {1, 8}) {
                Path journalDir = dir.resolve(mode + "-" + threads);
                try (Journal journal = Journal.open(journalDir, Journal.Options.defaults().withSyncMode(mode))) {
                    double perSecond = run(journal, threads);
                    lines.add(String.format("journal throughput: %-5s %d thread(s): %,10.0f appends/s (append + awaitDurable, %d-byte records)",
                            mode, threads, perSecond, PAYLOAD));
                    assertThat(journal.lastSeq()).isPositive();
                }
            }
        }
        lines.forEach(System.out::println);
    }

    private static double run(Journal journal, int threads) throws Exception {
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        long deadline = System.nanoTime() + RUN_NANOS;
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                byte[] payload = new byte[PAYLOAD];
                try {
                    while (System.nanoTime() < deadline) {
                        journal.awaitDurable(journal.append(payload));
                        done.incrementAndGet();
                    }
                } catch (IOException | RuntimeException e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(errors).isEmpty();
        return done.get() * 1e9 / (System.nanoTime() - start);
    }
}

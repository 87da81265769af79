package io.peerdesk.sim.journal;

import static io.peerdesk.sim.journal.JournalTestSupport.replayAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.peerdesk.sim.journal.JournalTestSupport.Replayed;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JournalGroupCommitTests {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 2_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void concurrentAppendersWithAwaitDurableLoseNothingAndKeepSeqOrder() throws Exception {
        Map<Long, byte[]> acknowledged = new HashMap<>();
        // Small segments so that rolls happen while other threads wait for fsyncs.
        Journal.Options options = Journal.Options.defaults().withSegmentSize(64 * 1024);
        try (Journal journal = Journal.open(dir, options)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Map<Long, byte[]>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> appendAndAwait(journal, thread)));
            }
            for (Future<Map<Long, byte[]>> result : results) {
                Map<Long, byte[]> mine = result.get();
                assertThat(mine).hasSize(PER_THREAD);
                mine.forEach((seq, payload) -> assertThat(acknowledged.put(seq, payload)).as("seq %d given twice", seq).isNull());
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        try (Journal journal = Journal.open(dir, options)) {
            List<Replayed> all = replayAll(journal, 0);
            assertThat(all).hasSize(THREADS * PER_THREAD);
            int[] nextIndexOfThread = new int[THREADS];
            long expectedSeq = 1;
            for (Replayed record : all) {
                assertThat(record.seq()).isEqualTo(expectedSeq++);
                assertThat(record.payload()).isEqualTo(acknowledged.get(record.seq()));
                ByteBuffer decoded = ByteBuffer.wrap(record.payload());
                int thread = decoded.getInt();
                int index = decoded.getInt();
                assertThat(index).as("thread %d's records in seq order", thread).isEqualTo(nextIndexOfThread[thread]++);
            }
        }
    }

    @Test
    @Timeout(30)
    void awaitDurableOnAnIdleJournalReturnsPromptly() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            journal.awaitDurable(journal.append(new byte[] {1})); // warm-up
            int n = 200;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                journal.awaitDurable(journal.append(new byte[] {1}));
            }
            long micros = (System.nanoTime() - start) / 1_000 / n;
            System.out.printf("journal: idle append+awaitDurable latency %d us (FSYNC)%n", micros);
        }
    }

    @Test
    @Timeout(30)
    void interruptingAWaiterLeavesTheJournalUsable() throws Exception {
        try (Journal journal = Journal.open(dir)) {
            long seq = journal.append(new byte[] {1});
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    journal.awaitDurable(seq);
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            ActiveSegment segment = journal.activeSegmentForTesting();
            synchronized (segment) { // holds the syncer inside force(), so the waiter has to wait
                waiter.start();
                while (waiter.getState() != Thread.State.WAITING) {
                    Thread.onSpinWait();
                }
                waiter.interrupt();
                waiter.join();
            }
            assertThat(outcome.get()).isInstanceOf(InterruptedIOException.class);
            journal.awaitDurable(seq);
            assertThat(journal.append(new byte[] {2})).isEqualTo(2);
        }
    }

    private static Map<Long, byte[]> appendAndAwait(Journal journal, int thread) throws IOException {
        Map<Long, byte[]> mine = new HashMap<>();
        for (int i = 0; i < PER_THREAD; i++) {
            byte[] payload = ByteBuffer.allocate(40).putInt(thread).putInt(i).array();
            long seq = journal.append(payload);
            journal.awaitDurable(seq);
            mine.put(seq, payload);
        }
        return mine;
    }
}

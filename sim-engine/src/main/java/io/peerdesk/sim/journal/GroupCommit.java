package io.peerdesk.sim.journal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit and the journal's failed state.
 *
 * <p>A dedicated syncer thread sleeps until some caller asks for a seq that is not durable yet,
 * then runs one {@link SyncAction} that covers everything appended so far and wakes all
 * waiters whose seq it reached. Callers that arrive while a sync is running are served together
 * by the next one, so N concurrent waiters cost far fewer than N fsyncs, and an idle journal
 * pays only a thread hand-off on top of the fsync. The fsync runs on our own thread rather than
 * a caller's because an interrupted caller would close the file channel (see {@link ActiveSegment}).
 */
final class GroupCommit {

    /** Makes everything appended so far durable and returns the last seq it covered. */
    @FunctionalInterface
    interface SyncAction {
        long sync() throws IOException;
    }

    private final Path dir;
    private final SyncAction action;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workRequested = lock.newCondition();
    private final Condition durableAdvanced = lock.newCondition();
    private final Thread syncer;

    private long requested; // guarded by lock
    private boolean stopping; // guarded by lock
    private volatile long durable; // written under lock, read without it on the fast path
    private volatile IOException failure; // written under lock, read without it on the fast path

    private GroupCommit(Path dir, SyncAction action, long durable, boolean withSyncer) {
        this.dir = dir;
        this.action = action;
        this.durable = durable;
        this.requested = durable;
        if (withSyncer) {
            syncer = new Thread(this::runSyncer, "journal-sync-" + dir.getFileName());
            syncer.setDaemon(true); // a journal that was never closed must not keep the JVM alive
            syncer.start();
        } else {
            syncer = null;
        }
    }

    static GroupCommit start(Path dir, SyncAction action, long durableSeq) {
        return new GroupCommit(dir, action, durableSeq, true);
    }

    /** For {@link SyncMode#NONE}: no syncing, only the failed state. */
    static GroupCommit disabled(Path dir) {
        return new GroupCommit(dir, () -> 0, Long.MAX_VALUE, false);
    }

    void awaitDurable(long seq) throws IOException {
        checkHealthy();
        if (durable >= seq) {
            return;
        }
        lock.lock();
        try {
            while (durable < seq) {
                checkHealthy();
                if (seq > requested) {
                    requested = seq;
                    workRequested.signal();
                }
                durableAdvanced.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for journal record " + seq + " to become durable");
        } finally {
            lock.unlock();
        }
    }

    void checkHealthy() throws JournalFailedException {
        IOException cause = failure;
        if (cause != null) {
            throw new JournalFailedException(dir, cause);
        }
    }

    boolean healthy() {
        return failure == null;
    }

    /** Enters the failed state for good and wakes every waiter so that it throws. */
    JournalFailedException fail(IOException cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            durableAdvanced.signalAll();
            workRequested.signal();
            return new JournalFailedException(dir, failure);
        } finally {
            lock.unlock();
        }
    }

    /** Called by close once everything is on disk by other means, to release late waiters. */
    void markDurable(long seq) {
        lock.lock();
        try {
            if (seq > durable) {
                durable = seq;
            }
            durableAdvanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Lets the syncer finish what was requested, then stops it. */
    void stop() {
        if (syncer == null) {
            return;
        }
        lock.lock();
        try {
            stopping = true;
            workRequested.signal();
        } finally {
            lock.unlock();
        }
        try {
            syncer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runSyncer() {
        while (awaitWork()) {
            long reached;
            try {
                reached = action.sync();
            } catch (IOException e) {
                fail(e);
                return;
            } catch (RuntimeException | Error e) {
                fail(new IOException("journal sync failed unexpectedly", e));
                return;
            }
            markDurable(reached);
        }
    }

    /** Blocks until a waiter needs a sync; false when stopping with nothing left to do. */
    private boolean awaitWork() {
        lock.lock();
        try {
            while (requested <= durable && !stopping && failure == null) {
                workRequested.awaitUninterruptibly();
            }
            return requested > durable && failure == null;
        } finally {
            lock.unlock();
        }
    }
}

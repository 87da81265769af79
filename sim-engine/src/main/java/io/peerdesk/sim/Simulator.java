package io.peerdesk.sim;

import io.peerdesk.sim.api.Action;
import io.peerdesk.sim.api.Ec2Api;
import io.peerdesk.sim.api.Ec2Service;
import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.cloud.Cloud;
import io.peerdesk.sim.cloud.CloudConfig;
import io.peerdesk.sim.journal.DataDir;
import io.peerdesk.sim.journal.Journal;
import io.peerdesk.sim.journal.RecoveryReport;
import io.peerdesk.sim.journal.Snapshot;
import io.peerdesk.sim.journal.SnapshotStore;
import io.peerdesk.sim.journal.SyncMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The simulated cloud as a running service: the {@link Cloud}, its EC2 API, and — with a data
 * directory — its durability. Embeddable: the portal and tests open one in-process; {@link Main}
 * wraps one in a standalone process.
 *
 * <p>Linearizable: mutating requests run one at a time under a write lock and are appended to the
 * journal in that order before the lock is released; readers share a read lock and never see a
 * half-applied change. A mutating request is acknowledged only once its journal record is on disk
 * (group commit shares one fsync among concurrent writers). Refused requests change nothing and
 * are not journaled.
 *
 * <p>Recovery: load the newest valid snapshot, replay the journal after it (a torn last record is
 * cut off and reported), and take a fresh snapshot every {@code snapshotEvery} commands so start-up
 * stays fast.
 */
public final class Simulator implements Ec2Service, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Simulator.class.getName());

    /** How to open a simulator. {@code dataDir == null} keeps everything in memory. */
    public record Options(Path dataDir, CloudConfig config, Clock clock, SyncMode syncMode, long snapshotEvery) {

        public static Options inMemory() {
            return new Options(null, CloudConfig.AWS_DEFAULTS, Clock.systemUTC(), SyncMode.FSYNC, 50_000);
        }

        public static Options durable(Path dataDir) {
            return new Options(dataDir, CloudConfig.AWS_DEFAULTS, Clock.systemUTC(), SyncMode.FSYNC, 50_000);
        }

        public Options withConfig(CloudConfig c) {
            return new Options(dataDir, c, clock, syncMode, snapshotEvery);
        }

        public Options withClock(Clock c) {
            return new Options(dataDir, config, c, syncMode, snapshotEvery);
        }

        public Options withSyncMode(SyncMode m) {
            return new Options(dataDir, config, clock, m, snapshotEvery);
        }

        public Options withSnapshotEvery(long n) {
            return new Options(dataDir, config, clock, syncMode, n);
        }
    }

    /** What start-up found: how many commands were replayed on top of which snapshot, and any torn tail. */
    public record Recovery(long snapshotSeq, long replayed, RecoveryReport journal) {
    }

    /**
     * The data directories opened by simulators of this JVM. {@link DataDir}'s OS lock alone cannot
     * refuse a second open here without harm: its failed attempt closes a second channel on the
     * lock file, and closing any descriptor of a file drops the process's POSIX lock on it, so
     * another process could then take the directory from under the first simulator.
     */
    private static final Set<Path> OPEN_DATA_DIRS = ConcurrentHashMap.newKeySet();

    private final Ec2Api api = new Ec2Api();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Options options;
    private final Journal journal;
    private final SnapshotStore snapshots;
    private final Cloud cloud;
    private DataDir dataDirLock;
    private Path openDataDir;
    private volatile boolean closed;
    private Recovery recovery;
    private Instant lastWrite = Instant.EPOCH;
    private volatile long commandsSinceSnapshot;

    private Simulator(Options options, Cloud cloud, Journal journal, SnapshotStore snapshots) {
        this.options = options;
        this.cloud = cloud;
        this.journal = journal;
        this.snapshots = snapshots;
    }

    /** Opens a simulator; with a data directory, recovers what an earlier run left there. */
    public static Simulator open(Options options) throws IOException {
        if (options.dataDir() == null) {
            Simulator sim = new Simulator(options, new Cloud(options.config(), 0x5eed_0f_c10dL), null, null);
            sim.recovery = new Recovery(0, 0, null);
            return sim;
        }
        Files.createDirectories(options.dataDir());
        Path dir = options.dataDir().toRealPath();
        if (!OPEN_DATA_DIRS.add(dir)) {
            throw new IOException("data directory " + options.dataDir()
                    + " is in use by another simulator in this process");
        }
        try {
            Simulator sim = openDurable(options);
            sim.openDataDir = dir;
            return sim;
        } catch (IOException | RuntimeException e) {
            OPEN_DATA_DIRS.remove(dir);
            throw e;
        }
    }

    private static Simulator openDurable(Options options) throws IOException {
        DataDir lock = DataDir.lock(options.dataDir());
        SnapshotStore snapshots;
        Journal journal;
        try {
            snapshots = SnapshotStore.open(options.dataDir().resolve("snapshots"));
            journal = Journal.open(options.dataDir().resolve("journal"),
                    Journal.Options.defaults().withSyncMode(options.syncMode()));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            Snapshot latest = snapshots.latest().orElse(null);
            Cloud cloud = latest == null ? new Cloud(options.config(), 0x5eed_0f_c10dL) : CloudSnapshots.read(latest.state());
            long from = latest == null ? 0 : latest.seq();
            Simulator sim = new Simulator(options, cloud, journal, snapshots);
            long replayed = sim.replay(from);
            sim.recovery = new Recovery(from, replayed, journal.recoveryReport());
            sim.dataDirLock = lock;
            sim.commandsSinceSnapshot = replayed;
            journal.recoveryReport().tornTail().ifPresent(t -> LOG.log(System.Logger.Level.WARNING,
                    "journal: cut a torn last record ({0} bytes at offset {1} of {2}: {3}); it was never acknowledged",
                    t.bytesRemoved(), t.offset(), t.file(), t.reason()));
            return sim;
        } catch (IOException | RuntimeException e) {
            journal.close();
            snapshots.close();
            lock.close();
            throw e;
        }
    }

    private long replay(long afterSeq) throws IOException {
        long[] count = {0};
        journal.replay(afterSeq, (seq, payload) -> {
            Command c = Command.decode(payload);
            Action action = api.find(c.action());
            Ec2Reply reply = action == null ? null : api.run(action, c.caller(), c.at(), c.params(), cloud);
            if (reply == null || reply.status() != 200) {
                throw new IOException("journal record " + seq + " (" + c.action()
                        + ") no longer applies; the data directory was written by a different simulator version");
            }
            lastWrite = c.at();
            count[0]++;
        });
        return count[0];
    }

    public Recovery recovery() {
        return recovery;
    }

    @Override
    public Ec2Reply handle(Caller caller, String actionName, Map<String, String> params) {
        Action action = api.find(actionName);
        if (action == null) {
            return Ec2Api.unknownAction(actionName);
        }
        // what runs is exactly what is journaled, in the caller's order; a null stands for an absent parameter
        params = present(params);
        if (!action.mutating()) {
            lock.readLock().lock();
            try {
                return api.run(action, caller, options.clock().instant(), params, cloud);
            } finally {
                lock.readLock().unlock();
            }
        }
        long seq = -1;
        Ec2Reply reply;
        lock.writeLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the simulator is closed");
            }
            // commands are journaled in lock order, so their instants must not go backwards either
            Instant now = options.clock().instant();
            if (now.isBefore(lastWrite)) {
                now = lastWrite;
            }
            reply = api.run(action, caller, now, params, cloud);
            if (reply.status() == 200 && journal != null && !"true".equalsIgnoreCase(params.get("DryRun"))) {
                seq = journal.append(new Command(now, caller, actionName, params).encode());
                lastWrite = now;
                commandsSinceSnapshot++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal write failed; the simulator refuses further changes", e);
        } finally {
            lock.writeLock().unlock();
        }
        if (seq > 0) {
            awaitDurable(seq);
            if (commandsSinceSnapshot >= options.snapshotEvery()) {
                snapshotQuietly();
            }
        }
        return reply;
    }

    private static Map<String, String> present(Map<String, String> params) {
        Map<String, String> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private void awaitDurable(long seq) {
        try {
            journal.awaitDurable(seq);
        } catch (IOException e) {
            throw new UncheckedIOException("journal fsync failed; the change is not acknowledged", e);
        }
    }

    /** Runs a read-only function against the cloud as it is now, consistently. */
    public <T> T read(Function<Cloud, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(cloud);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The instant the simulator considers "now" (its clock). */
    public Instant now() {
        return options.clock().instant();
    }

    /**
     * Writes a snapshot of the whole cloud and drops the journal segments it covers. Writers wait
     * while the state is serialised; readers do not.
     */
    public synchronized void snapshot() throws IOException {
        if (snapshots == null) {
            return;
        }
        byte[] state;
        long seq;
        lock.readLock().lock();
        try {
            // the read lock excludes writers, so lastSeq is exactly the state being serialised
            seq = journal.lastSeq();
            state = CloudSnapshots.write(cloud);
            commandsSinceSnapshot = 0;
        } finally {
            lock.readLock().unlock();
        }
        if (seq == 0) {
            return;
        }
        // a snapshot must never be ahead of the journal on disk, or recovery would reuse its seqs
        journal.awaitDurable(seq);
        snapshots.write(seq, state);
        // keep the records the older retained snapshot needs, so falling back to it still works
        journal.rollAfterSnapshot(snapshots.oldestRetainedSeq().orElse(seq));
    }

    private synchronized void snapshotQuietly() {
        if (commandsSinceSnapshot < options.snapshotEvery()) {
            return;
        }
        try {
            snapshot();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "snapshot failed; the journal still holds every change", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (journal == null) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            snapshot();
        } finally {
            try {
                journal.close();
                snapshots.close();
                dataDirLock.close();
            } finally {
                OPEN_DATA_DIRS.remove(openDataDir);
            }
        }
    }
}

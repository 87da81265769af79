package io.peerdesk.web.support;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Compacts the embedded H2 database's file as H2's own background thread would. The portal has H2
 * write each commit to its file at once ({@code WRITE_DELAY=0} in the default URL): a killed portal must
 * not forget what it just did in the cloud. H2 then starts no background thread, and nothing rewrites
 * the chunks (one per commit) whose pages later commits replaced only in part: each stays in the file
 * for its few live pages, and in H2's record of chunks that every commit updates. The file grew with
 * every commit the portal ever made (1.9 GB, 2 % of it live, after 2,100 peerings).
 *
 * <p>Every {@link #INTERVAL_MS} ms, if the database committed since the last round, this rewrites the
 * live pages of the sparsest chunks older than H2's retention time (45 s), at most {@link #BYTES_PER_COMMIT}
 * bytes per commit since the last round: the work follows the writes. The rewritten pages reach the
 * file with the next commit, so an idle portal writes nothing. What remains is H2's retention: chunks
 * younger than 45 s are kept whole, so a busy portal's file holds the last 45 s of commits. Nothing is
 * done for another database, an in-memory one, or an H2 URL with a write delay (H2's own thread
 * compacts then).
 */
@Component
class H2Housekeeping implements SmartLifecycle {

    static final long INTERVAL_MS = 500;
    static final int BYTES_PER_COMMIT = 4096;
    private static final int MOST_PER_ROUND = 4 << 20;
    /** Nothing is rewritten while the chunks together are at least this full (live bytes, in percent). */
    private static final int TARGET_FILL_RATE = 90;

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    private final DataSource dataSource;
    private ScheduledExecutorService thread;
    private long lastVersion;

    H2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void start() {
        MVStore store = compactable(dataSource).orElse(null);
        if (store == null) {
            return;
        }
        lastVersion = store.getCurrentVersion();
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> safeRound(store), INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        log.info("H2 writes each commit at once: its file is compacted every {} ms while the portal writes", INTERVAL_MS);
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    /** The file store of an embedded H2 database that writes each commit at once, which H2 does not compact. */
    static Optional<MVStore> compactable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return Optional.empty();
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            return store.getFileStore() != null && store.getAutoCommitDelay() == 0 ? Optional.of(store) : Optional.empty();
        } catch (SQLException e) {
            log.warn("Cannot tell whether the database needs compacting; it is not compacted", e);
            return Optional.empty();
        }
    }

    private void safeRound(MVStore store) {
        try {
            round(store);
        } catch (RuntimeException e) {
            // a closing database, or a store H2 itself gave up on: H2 reports that to its own callers
            log.debug("H2 housekeeping round skipped", e);
        }
    }

    /**
     * One round: rewrites the sparsest old chunks in proportion to the commits since the last round.
     * Returns whether it rewrote any.
     */
    boolean round(MVStore store) {
        long version = store.getCurrentVersion();
        long commits = version - lastVersion;
        if (commits <= 0) {
            return false;
        }
        boolean rewritten = store.compact(TARGET_FILL_RATE, (int) Math.min(MOST_PER_ROUND, commits * BYTES_PER_COMMIT));
        // the rewritten pages go to the file with the next commit; should H2 have saved them already, that is no
        // work for the next round
        lastVersion = store.getCurrentVersion();
        return rewritten;
    }
}

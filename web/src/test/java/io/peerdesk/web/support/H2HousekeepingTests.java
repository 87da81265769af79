package io.peerdesk.web.support;

import io.peerdesk.web.TestDirectories;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's file under a workload like the workflow's: each commit inserts history rows, updates
 * the one before and replaces a job row, in tables with several indexes. H2's retention time is 0 here so
 * that chunks are old enough to compact at once (the portal keeps H2's 45 s).
 */
class H2HousekeepingTests {

    private static final int COMMITS = 3_000;

    @Test
    void housekeepingKeepsTheFileToItsLiveData() throws SQLException {
        Workload plain = new Workload("plain");
        plain.run(null);
        Workload kept = new Workload("kept");
        kept.run(new H2Housekeeping(kept.dataSource));

        assertThat(plain.chunks()).as("chunks kept of %d commits without housekeeping", COMMITS).isGreaterThan(COMMITS / 10);
        assertThat(kept.chunks()).as("chunks kept, against %d without housekeeping", plain.chunks())
                .isLessThan(plain.chunks() / 4);
        assertThat(kept.store.getFileStore().size()).isLessThan(plain.store.getFileStore().size() / 2);
        assertThat(kept.count()).isEqualTo(plain.count()).isEqualTo(COMMITS);
        plain.close();
        kept.close();
    }

    @Test
    void anIdleDatabaseIsNotWritten() throws SQLException {
        Workload idle = new Workload("idle");
        H2Housekeeping housekeeping = new H2Housekeeping(idle.dataSource);
        idle.run(housekeeping);
        housekeeping.round(idle.store);
        long writes = idle.store.getFileStore().getWriteCount();
        long version = idle.store.getCurrentVersion();

        assertThat(housekeeping.round(idle.store)).isFalse();
        assertThat(housekeeping.round(idle.store)).isFalse();

        assertThat(idle.store.getFileStore().getWriteCount()).isEqualTo(writes);
        assertThat(idle.store.getCurrentVersion()).isEqualTo(version);
        idle.close();
    }

    @Test
    void onlyAFileDatabaseWithoutWriteDelayIsCompacted() throws SQLException {
        Path dir = TestDirectories.create("h2-housekeeping-");
        assertThat(H2Housekeeping.compactable(dataSource("jdbc:h2:file:" + dir.resolve("delayed") + ";WRITE_DELAY=500"))).isEmpty();
        assertThat(H2Housekeeping.compactable(dataSource("jdbc:h2:mem:housekeeping"))).isEmpty();
        Workload file = new Workload("file");
        assertThat(H2Housekeeping.compactable(file.dataSource)).contains(file.store);
        file.close();
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    /** An H2 file database as the portal opens it, with one connection held open, and the workload. */
    private static final class Workload {

        final JdbcDataSource dataSource;
        final Connection connection;
        final MVStore store;

        Workload(String name) throws SQLException {
            Path dir = TestDirectories.create("h2-housekeeping-");
            dataSource = dataSource("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;PAGE_SIZE=1024;RETENTION_TIME=0");
            connection = dataSource.getConnection();
            store = H2Housekeeping.compactable(dataSource).orElseThrow();
            try (Statement st = connection.createStatement()) {
                st.execute("create table history(id int primary key, process int, step varchar(40), started timestamp,"
                        + " ended timestamp, payload varchar(300))");
                st.execute("create index history_process on history(process)");
                st.execute("create index history_step on history(step)");
                st.execute("create index history_ended on history(ended)");
                st.execute("create table job(id int primary key, process int, due timestamp)");
                st.execute("create index job_process on job(process)");
                st.execute("create index job_due on job(due)");
            }
            connection.setAutoCommit(false);
        }

        /** {@link #COMMITS} commits; a housekeeping round every 50 commits, if there is housekeeping. */
        void run(H2Housekeeping housekeeping) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into history values(?, ?, ?, current_timestamp, null, repeat('x', 250))");
                 PreparedStatement end = connection.prepareStatement("update history set ended = current_timestamp where id = ?");
                 PreparedStatement job = connection.prepareStatement("insert into job values(?, ?, current_timestamp)");
                 PreparedStatement done = connection.prepareStatement("delete from job where id = ?")) {
                for (int i = 0; i < COMMITS; i++) {
                    insert.setInt(1, i);
                    insert.setInt(2, i / 15);
                    insert.setString(3, "step " + i % 15);
                    insert.executeUpdate();
                    if (i > 0) {
                        end.setInt(1, i - 1);
                        end.executeUpdate();
                        done.setInt(1, i - 1);
                        done.executeUpdate();
                    }
                    job.setInt(1, i);
                    job.setInt(2, i / 15);
                    job.executeUpdate();
                    connection.commit();
                    if (housekeeping != null && i % 50 == 49) {
                        housekeeping.round(store);
                    }
                }
            }
        }

        long chunks() {
            return store.getFileStore().getLayoutMap().keySet().stream().filter(k -> k.startsWith("chunk.")).count();
        }

        int count() throws SQLException {
            try (Statement st = connection.createStatement(); var rows = st.executeQuery("select count(*) from history")) {
                rows.next();
                return rows.getInt(1);
            }
        }

        void close() throws SQLException {
            connection.close();
        }
    }
}

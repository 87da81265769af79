package io.peerdesk.workflow.peering;

import org.camunda.bpm.engine.ProcessEngineException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The locks on the engine's jobs (see {@link JobLocksAtStart}). Releasing a lock also moves the job's
 * revision on, as the engine does for every change of a job: a run that still held it could not
 * complete it afterwards.
 */
final class JobLockRepository {

    private final DataSource dataSource;
    private final String jobTable;

    JobLockRepository(DataSource dataSource, String tablePrefix) {
        this.dataSource = dataSource;
        this.jobTable = (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_JOB";
    }

    String databaseUrl() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read the database's URL", e);
        }
    }

    /** Releases every job lock; returns how many there were. */
    int releaseAll() {
        return release("LOCK_OWNER_ is not null or LOCK_EXP_TIME_ is not null", null);
    }

    /** Releases the job locks held under {@code owner}; returns how many there were. */
    int releaseHeldBy(String owner) {
        return release("LOCK_OWNER_ = ?", owner);
    }

    private int release(String condition, String owner) {
        String sql = "update " + jobTable + " set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1 where " + condition;
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (owner != null) {
                statement.setString(1, owner);
            }
            int released = statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return released;
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not release the locks on " + jobTable, e);
        }
    }
}

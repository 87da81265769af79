package io.peerdesk.workflow.peering;

import org.camunda.bpm.engine.ProcessEngineException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What H2's query optimizer is told about the engine's own tables (see {@link H2QueryPlans}). H2 only. */
final class EngineStatisticsRepository {

    private final DataSource dataSource;

    EngineStatisticsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks {@code column} of {@code table} as having few distinct values; H2 keeps it in its schema. */
    void fewDistinctValues(String table, String column) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter table " + table + " alter column " + column + " selectivity 1");
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not set the H2 statistics of " + table + "." + column, e);
        }
    }
}

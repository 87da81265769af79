package io.peerdesk.workflow.peering;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's tables on H2, as the portal's engine leaves them at start-up. */
class H2QueryPlansTests extends ProcessTest {

    @Autowired
    DataSource dataSource;

    @Test
    void anExecutionsVariablesAreReadByTheExecutionsIndexNotByScanningEveryVariable() {
        // the engine's own statement (VariableInstance.xml, selectVariablesByExecutionId), on tables without statistics
        String plan = new JdbcTemplate(dataSource).queryForObject("""
                explain select RES.*, EXECUTION.ACT_INST_ID_ from ACT_RU_VARIABLE RES
                left join ACT_RU_EXECUTION EXECUTION on RES.EXECUTION_ID_ = EXECUTION.ID_
                left join ACT_RU_EXECUTION PARENT_EXECUTION on EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_
                where EXECUTION_ID_ = ? and TASK_ID_ is null""", String.class, "an-execution");

        assertThat(plan).contains("ACT_FK_VAR_EXE").doesNotContain("ACT_IDX_VARIABLE_TASK_ID");
    }
}

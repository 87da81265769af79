package io.peerdesk.workflow.peering;

import io.peerdesk.domain.peering.PeeringRequestId;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.TASK_REQUEST_CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

/** What a restarted portal does with the job locks a stopped run of it left behind. */
class JobLocksAtStartTests extends ProcessTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aNamedPortalReleasesAtStartTheLocksHeldUnderItsNameAndNoOtherPortals() {
        String ours = lockedJob("portal-a");
        String theirs = lockedJob("portal-b");
        int revision = revision(ours);
        int retries = management.createJobQuery().jobId(ours).singleResult().getRetries();

        new JobLocksAtStart("portal-a").postProcessEngineBuild(engine);

        assertThat(lock(ours)).as("our stopped run's lock").isEqualTo("null until null");
        assertThat(revision(ours)).as("a run still holding the job could not complete it").isEqualTo(revision + 1);
        assertThat(lock(theirs)).as("the other portal's lock").startsWith("portal-b until ");
        assertThat(management.createJobQuery().jobId(ours).singleResult().getRetries()).as("retries untouched").isEqualTo(retries);
    }

    @Test
    void anUnnamedPortalOnADatabaseOthersCanOpenLeavesEveryLockToExpire() {
        String locked = lockedJob("a-random-run");

        new JobLocksAtStart(" ").postProcessEngineBuild(engine);

        assertThat(lock(locked)).startsWith("a-random-run until ");
    }

    @Test
    void onADatabaseOnlyThisProcessOpensEveryLockIsAPreviousRunsAndIsReleased() {
        String one = lockedJob("run-1");
        String other = lockedJob("run-2");

        int released = new JobLockRepository(dataSource, "").releaseAll();

        assertThat(released).isGreaterThanOrEqualTo(2);
        assertThat(lock(one)).isEqualTo("null until null");
        assertThat(lock(other)).isEqualTo("null until null");
    }

    @Test
    void onlyAnH2FileOpenedWithoutAServerIsThisProcesssAlone() {
        assertThat(JobLocksAtStart.onlyThisProcessOpens("jdbc:h2:file:./data/portal;WRITE_DELAY=0")).isTrue();
        assertThat(JobLocksAtStart.onlyThisProcessOpens("jdbc:h2:./data/portal")).isTrue();
        assertThat(JobLocksAtStart.onlyThisProcessOpens("jdbc:h2:~/portal;AUTO_SERVER=FALSE")).isTrue();
        assertThat(JobLocksAtStart.onlyThisProcessOpens("jdbc:h2:file:/data/portal;AUTO_SERVER=TRUE")).isFalse();
        assertThat(JobLocksAtStart.onlyThisProcessOpens("jdbc:h2:file:/data/portal;auto_server=true;WRITE_DELAY=0")).isFalse();
        assertThat(JobLocksAtStart.onlyThisProcessOpens("jdbc:h2:tcp://db:9092/portal")).isFalse();
        assertThat(JobLocksAtStart.onlyThisProcessOpens("jdbc:h2:ssl://db:9092/portal")).isFalse();
        assertThat(JobLocksAtStart.onlyThisProcessOpens("jdbc:h2:mem:workflow;DB_CLOSE_DELAY=-1")).isFalse();
        assertThat(JobLocksAtStart.onlyThisProcessOpens("jdbc:postgresql://db:5432/peerdesk")).isFalse();
    }

    @Test
    void aNamedPortalTakesItsJobsUnderItsName() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        DefaultJobExecutor executor = new DefaultJobExecutor();
        String generated = executor.getLockOwner();
        configuration.setJobExecutor(executor);

        new JobLocksAtStart("").postInit(configuration);
        assertThat(executor.getLockOwner()).as("unnamed: the engine's own name for the run").isEqualTo(generated);

        new JobLocksAtStart(" portal-a ").postInit(configuration);
        assertThat(executor.getLockOwner()).isEqualTo("portal-a");
    }

    /** A filed request's first step, taken by the job executor of {@code owner} for the next 5 minutes. */
    private String lockedJob(String owner) {
        PeeringRequestId id = newId();
        workflow.start(id, requester, accepter);
        String job = job(process(PeeringRequestProcess.KEY, id), TASK_REQUEST_CONNECTION).getId();
        jdbc().update("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?",
                owner, Timestamp.from(Instant.now().plus(5, ChronoUnit.MINUTES)), job);
        return job;
    }

    private String lock(String job) {
        return jdbc().queryForObject("select LOCK_OWNER_, LOCK_EXP_TIME_ from ACT_RU_JOB where ID_ = ?",
                (row, n) -> row.getString(1) + " until " + row.getTimestamp(2), job);
    }

    private int revision(String job) {
        return jdbc().queryForObject("select REV_ from ACT_RU_JOB where ID_ = ?", Integer.class, job);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}

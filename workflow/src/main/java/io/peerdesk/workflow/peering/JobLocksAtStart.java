package io.peerdesk.workflow.peering;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * A portal that stopped without finishing its steps (killed, crashed, power lost) left them locked
 * in the engine's job table until the lock expires ({@code camunda.bpm.job-execution.lock-time-in-millis},
 * 5 minutes): after a restart its requests would wait that long in a step nobody runs. At start-up,
 * before the job executor takes its first job, this releases the locks only a previous run of this
 * portal can hold, so those steps run again at once (each step is idempotent: it finds what it had
 * already done in the cloud).
 * <ul>
 *   <li>On an H2 file database only one process can have it open: every lock in it is a previous run's.</li>
 *   <li>On a shared database, with {@code portal.node-name} set, this portal takes its jobs under that
 *       name and releases, at start-up, the locks held under it. The name must be the portal's own among
 *       those sharing the database and the same across its restarts. Without it the engine names each
 *       run afresh, and a stopped run's locks expire as usual.</li>
 * </ul>
 * Installed as a process engine plugin.
 */
class JobLocksAtStart extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobLocksAtStart.class);

    private final String nodeName;

    /** @param nodeName {@code portal.node-name}; blank for none */
    JobLocksAtStart(String nodeName) {
        this.nodeName = nodeName == null || nodeName.isBlank() ? null : nodeName.strip();
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor executor = configuration.getJobExecutor();
        if (nodeName != null && executor != null) {
            executor.setLockOwner(nodeName);
        }
    }

    /** The engine is built; its job executor starts later, once the application has started. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JobLockRepository locks = new JobLockRepository(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
        int released;
        if (onlyThisProcessOpens(locks.databaseUrl())) {
            released = locks.releaseAll();
        } else if (nodeName != null) {
            released = locks.releaseHeldBy(nodeName);
        } else {
            return;
        }
        if (released > 0) {
            log.info("Released {} workflow step(s) a previous run of this portal had taken and not finished; they run again now",
                    released);
        }
    }

    /**
     * Whether the JDBC URL names an H2 database in a file that only the process opening it can use:
     * not in memory, not through an H2 server ({@code tcp:}, {@code ssl:}), not shared with {@code AUTO_SERVER}.
     */
    static boolean onlyThisProcessOpens(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String database = url.substring("jdbc:h2:".length());
        return !database.startsWith("mem:") && !database.startsWith("tcp:") && !database.startsWith("ssl:")
                && !database.replace(" ", "").contains(";auto_server=true");
    }
}

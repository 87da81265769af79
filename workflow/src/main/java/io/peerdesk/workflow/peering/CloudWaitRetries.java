package io.peerdesk.workflow.peering;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

import java.time.Instant;
import java.util.Date;

/**
 * The engine's handling of a failed job, with one exception: a job that ended {@link WaitingForCloud}
 * keeps its retries (the activity's {@code failedJobRetryTimeCycle} is for failures of the step, not
 * for the cloud being away), records the failure like any other, and is due again when the wait says.
 * Every other failure is handled as the engine would. Installed as a process engine plugin.
 */
class CloudWaitRetries extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory standard = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, exception) -> {
            WaitingForCloud waiting = waitingForCloud(exception);
            return waiting == null ? standard.getCommand(jobId, exception)
                    : new WaitForCloudCmd(jobId, exception, waiting.nextAttemptAt());
        });
    }

    private static WaitingForCloud waitingForCloud(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WaitingForCloud waiting) {
                return waiting;
            }
        }
        return null;
    }

    /** Like the engine's retry command, without the decrement and with the wait's due date. */
    static final class WaitForCloudCmd extends DefaultJobRetryCmd {

        private final Instant nextAttemptAt;

        WaitForCloudCmd(String jobId, Throwable exception, Instant nextAttemptAt) {
            super(jobId, exception);
            this.nextAttemptAt = nextAttemptAt;
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job == null) {
                return null;
            }
            ActivityImpl activity = getCurrentActivity(commandContext, job);
            FailedJobRetryConfiguration retries = activity == null ? null : getFailedJobRetryConfiguration(job, activity);
            if (retries != null && isFirstJobExecution(job)) {
                // what the engine does on a step's first failure, so that a later one counts down the same
                initializeRetries(job, retries.getRetries());
            }
            logException(job);
            job.setDuedate(Date.from(nextAttemptAt));
            job.unlock();
            notifyAcquisition(commandContext);
            return null;
        }
    }
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.peering.PeeringLifecycle;
import io.peerdesk.domain.peering.PeeringStepFailed;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.util.function.Supplier;

import static io.peerdesk.workflow.peering.PeeringRequestProcess.requestId;

/**
 * Runs a domain step so that no failure leaves a request stuck:
 * <ul>
 *   <li>a {@link CloudFailure} that says the cloud is {@linkplain CloudFailure#unavailable() out of reach}
 *       is waited for: the domain records it, and the job is thrown back as {@link WaitingForCloud} to
 *       be tried again when the domain says ({@link CloudWaitRetries}), for as long as the cloud stays
 *       away, without spending the activity's retries;</li>
 *   <li>for an activity with a failure path, {@link PeeringStepFailed} or a {@link CloudFailure} that is
 *       not retryable (retrying cannot help) becomes a {@link BpmnError} with the step's error code and
 *       the failure's message, caught by the activity's boundary error event;</li>
 *   <li>any other exception rolls the job back and the engine retries it on the activity's
 *       {@code failedJobRetryTimeCycle}; with a failure path, on the last attempt it becomes the same
 *       {@code BpmnError} instead, so exhausted retries take the failure path rather than ending in an
 *       incident; without one, exhausted retries wait as an incident for an operator.</li>
 * </ul>
 * The step runs under a savepoint of the job's transaction: a failed step that marked the
 * transaction rollback-only is undone to the savepoint, and the process can still move on.
 */
class Steps {

    private static final DefaultTransactionDefinition SAVEPOINT =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final PlatformTransactionManager transactions;
    private final ManagementService management;
    private final PeeringLifecycle lifecycle;

    Steps(PlatformTransactionManager transactions, ManagementService management, PeeringLifecycle lifecycle) {
        this.transactions = transactions;
        this.management = management;
        this.lifecycle = lifecycle;
    }

    /** A step of an activity without a failure path in the model (compensation, teardown, the ends). */
    void run(DelegateExecution execution, Runnable step) {
        try {
            step.run();
        } catch (CloudFailure failure) {
            throw failure.unavailable() ? waitForCloud(execution, failure) : failure;
        }
        lifecycle.cloudAnswered(requestId(execution));
    }

    void run(DelegateExecution execution, String errorCode, Runnable step) {
        call(execution, errorCode, () -> {
            step.run();
            return null;
        });
    }

    <T> T call(DelegateExecution execution, String errorCode, Supplier<T> step) {
        TransactionStatus savepoint = transactions.getTransaction(SAVEPOINT);
        T result;
        try {
            result = step.get();
        } catch (PeeringStepFailed failed) {
            release(savepoint);
            lifecycle.cloudAnswered(requestId(execution));
            throw new BpmnError(errorCode, failed.getMessage());
        } catch (CloudFailure refused) {
            if (refused.unavailable()) {
                transactions.rollback(savepoint);
                throw waitForCloud(execution, refused);
            }
            if (refused.retryable()) {
                throw retryOrGiveUp(execution, errorCode, savepoint, refused);
            }
            release(savepoint);
            lifecycle.cloudAnswered(requestId(execution));
            throw new BpmnError(errorCode, refused.getMessage() + " (" + refused.code() + ")");
        } catch (RuntimeException e) {
            throw retryOrGiveUp(execution, errorCode, savepoint, e);
        }
        release(savepoint);
        lifecycle.cloudAnswered(requestId(execution));
        return result;
    }

    private WaitingForCloud waitForCloud(DelegateExecution execution, CloudFailure failure) {
        return new WaitingForCloud(lifecycle.waitForCloud(requestId(execution), execution.getCurrentActivityName(), failure),
                failure);
    }

    /** Undoes the step; the job is retried, or on its last attempt the failure path is taken. */
    private RuntimeException retryOrGiveUp(DelegateExecution execution, String errorCode, TransactionStatus savepoint,
                                           RuntimeException e) {
        transactions.rollback(savepoint);
        if (lastAttempt(execution)) {
            return new BpmnError(errorCode, "Gave up after repeated failures: " + e.getMessage());
        }
        return e;
    }

    /** Keeps what the step wrote unless it asked for a rollback. */
    private void release(TransactionStatus savepoint) {
        if (savepoint.isRollbackOnly()) {
            transactions.rollback(savepoint);
        } else {
            transactions.commit(savepoint);
        }
    }

    /**
     * Whether the job running this activity has failed before and has one retry left: the engine
     * counts a retry cycle {@code R5/...} down from 5 after the first failure and raises an incident
     * when a job fails at 1. Waiting for the cloud leaves the count as it is. The job may belong to an
     * earlier activity that continued into this one (Task_Verify runs in Task_Provision's job); a
     * process has one asynchronous continuation at a time, so its message job is the one running.
     */
    private boolean lastAttempt(DelegateExecution execution) {
        return management.createJobQuery().messages()
                .processInstanceId(execution.getProcessInstanceId())
                .list().stream()
                .anyMatch(job -> job.getExceptionMessage() != null && job.getRetries() <= 1);
    }
}

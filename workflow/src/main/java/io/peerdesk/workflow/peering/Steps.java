package io.peerdesk.workflow.peering;

import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.peering.PeeringStepFailed;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.util.function.Supplier;

/**
 * Runs a domain step that has a failure path in the model, so that no failure leaves a request stuck:
 * <ul>
 *   <li>{@link PeeringStepFailed} or a {@link CloudFailure} that is not retryable (retrying cannot help) becomes a {@link BpmnError} with the step's
 *       error code and the failure's message, caught by the activity's boundary error event;</li>
 *   <li>any other exception rolls the job back and the engine retries it on the activity's
 *       {@code failedJobRetryTimeCycle}; on the last attempt it becomes the same {@code BpmnError}
 *       instead, so exhausted retries take the failure path rather than ending in an incident.</li>
 * </ul>
 * The step runs under a savepoint of the job's transaction: a failed step that marked the
 * transaction rollback-only is undone to the savepoint, and the process can still move on.
 */
class Steps {

    private static final DefaultTransactionDefinition SAVEPOINT =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final PlatformTransactionManager transactions;
    private final ManagementService management;

    Steps(PlatformTransactionManager transactions, ManagementService management) {
        this.transactions = transactions;
        this.management = management;
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
            throw new BpmnError(errorCode, failed.getMessage());
        } catch (CloudFailure refused) {
            if (refused.retryable()) {
                throw retryOrGiveUp(execution, errorCode, savepoint, refused);
            }
            release(savepoint);
            throw new BpmnError(errorCode, refused.getMessage() + " (" + refused.code() + ")");
        } catch (RuntimeException e) {
            throw retryOrGiveUp(execution, errorCode, savepoint, e);
        }
        release(savepoint);
        return result;
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
     * when a job fails at 1.
     */
    private boolean lastAttempt(DelegateExecution execution) {
        return management.createJobQuery().messages()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(execution.getCurrentActivityId())
                .list().stream()
                .anyMatch(job -> job.getExceptionMessage() != null && job.getRetries() <= 1);
    }
}

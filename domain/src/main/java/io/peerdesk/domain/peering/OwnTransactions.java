package io.peerdesk.domain.peering;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Writes of the workflow's steps, each committed on its own at once, whatever transaction the
 * caller runs in: a step that fails half-way (a retried job, a rolled-back job transaction) must
 * not forget what it already did in the cloud, or compensation could not undo it. A write that only
 * records what the portal concluded, with nothing done in the cloud since the last own commit, can
 * instead {@linkplain #joined join} the caller's transaction: each commit costs the database a write.
 */
@Component
class OwnTransactions {

    private final TransactionTemplate template;
    private final TransactionTemplate joining;

    OwnTransactions(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joining = new TransactionTemplate(transactions);
        this.joining.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /** In the caller's transaction (a workflow job's), or in one of its own when the caller has none. */
    void joined(Runnable work) {
        joining.executeWithoutResult(status -> work.run());
    }

    void run(Runnable work) {
        template.executeWithoutResult(status -> work.run());
    }

    <T> T call(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}

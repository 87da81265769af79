package io.peerdesk.domain.peering;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Writes of the workflow's steps, each committed on its own at once, whatever transaction the
 * caller runs in: a step that fails half-way (a retried job, a rolled-back job transaction) must
 * not forget what it already did in the cloud, or compensation could not undo it.
 */
@Component
class OwnTransactions {

    private final TransactionTemplate template;

    OwnTransactions(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void run(Runnable work) {
        template.executeWithoutResult(status -> work.run());
    }

    <T> T call(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}

package io.peerdesk.domain.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link OnPostgres}. */
public class PostgresAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (System.getenv("PEERDESK_TEST_PG_URL") != null) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + System.getenv("PEERDESK_TEST_PG_URL"));
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but PEERDESK_TEST_PG_URL is not set: run the README's test command (bin/test)");
        }
        return ConditionEvaluationResult.disabled("no PostgreSQL: set PEERDESK_TEST_PG_URL or run bin/test");
    }
}

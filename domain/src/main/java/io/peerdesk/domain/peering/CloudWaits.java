package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.CloudFailure;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps track of the steps waiting for the cloud (see {@link PeeringLifecycle#waitForCloud}): a
 * failed attempt is recorded at once, whatever happens to the step's transaction; the next attempt
 * comes after a pause that doubles with every attempt in a row, up to a cap.
 */
@Component
@EnableConfigurationProperties(CloudRetryProperties.class)
class CloudWaits {

    private static final int MAX_ERROR = 2000;

    private final CloudWaitRepository waits;
    private final OwnTransactions transactions;
    private final CloudRetryProperties retry;
    private final Clock clock;

    CloudWaits(CloudWaitRepository waits, OwnTransactions transactions, CloudRetryProperties retry, Clock clock) {
        this.waits = waits;
        this.transactions = transactions;
        this.retry = retry;
        this.clock = clock;
    }

    /** Records one more failed attempt of {@code step}; another step of the request starts a wait of its own. */
    CloudWait record(PeeringRequestId id, String step, CloudFailure failure) {
        Instant now = clock.instant();
        String error = failure.getMessage().length() > MAX_ERROR ? failure.getMessage().substring(0, MAX_ERROR)
                : failure.getMessage();
        return transactions.call(() -> {
            Optional<CloudWait> earlier = waits.find(id).filter(w -> w.step().equals(step));
            int attempts = earlier.map(w -> w.attempts() + 1).orElse(1);
            CloudWait wait = new CloudWait(step, earlier.map(CloudWait::since).orElse(now), attempts, error,
                    now.plus(retry.delayAfter(attempts)));
            waits.save(id, wait);
            return wait;
        });
    }

    /** The step got through: the request waits for nothing any more. Runs in the caller's transaction. */
    void clear(PeeringRequestId id) {
        waits.delete(id);
    }
}

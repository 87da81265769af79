package io.peerdesk.domain.peering;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code portal.peering.cloud-retry.*}: how a workflow step that cannot reach the cloud waits. The
 * pause after each failed attempt doubles from {@code firstDelay} up to {@code maxDelay}, and the
 * step keeps trying for as long as the cloud stays out of reach.
 *
 * @param firstDelay the pause after the first failed attempt
 * @param maxDelay   the longest pause between two attempts
 */
@ConfigurationProperties("portal.peering.cloud-retry")
public record CloudRetryProperties(@DefaultValue("10s") Duration firstDelay, @DefaultValue("5m") Duration maxDelay) {

    public CloudRetryProperties {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("portal.peering.cloud-retry: first-delay must be positive and at most max-delay");
        }
    }

    /** The pause after {@code attempts} failed attempts in a row (1: {@code firstDelay}). */
    public Duration delayAfter(int attempts) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
    }
}

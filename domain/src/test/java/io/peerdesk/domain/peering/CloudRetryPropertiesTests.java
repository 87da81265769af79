package io.peerdesk.domain.peering;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How long a step that cannot reach the cloud pauses before its next attempt. */
class CloudRetryPropertiesTests {

    @Test
    void thePauseDoublesFromTheFirstDelayUpToTheCap() {
        CloudRetryProperties retry = new CloudRetryProperties(Duration.ofSeconds(10), Duration.ofMinutes(5));

        assertThat(IntStream.rangeClosed(1, 8).mapToObj(retry::delayAfter)).containsExactly(
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80),
                Duration.ofSeconds(160), Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5));
        assertThat(retry.delayAfter(10_000)).as("however long the cloud stays away").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCapBelowTheFirstDelayOrNoDelayIsRefused() {
        assertThatThrownBy(() -> new CloudRetryProperties(Duration.ofMinutes(1), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most max-delay");
        assertThatThrownBy(() -> new CloudRetryProperties(Duration.ZERO, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }
}

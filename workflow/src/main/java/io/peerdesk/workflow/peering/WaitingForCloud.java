package io.peerdesk.workflow.peering;

import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.peering.CloudWait;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Ends a job whose step could not reach the cloud. Its message, which the engine keeps as the job's
 * exception message and the timeline shows, says since when, how often and why; {@link CloudWaitRetries}
 * schedules the next attempt at {@link CloudWait#nextAttemptAt()} without counting a failure.
 */
class WaitingForCloud extends RuntimeException {

    /** How the message of such a job begins. */
    static final String PREFIX = "Waiting for the cloud";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final transient CloudWait wait;

    WaitingForCloud(CloudWait wait, CloudFailure cause) {
        super(describe(wait), cause);
        this.wait = wait;
    }

    Instant nextAttemptAt() {
        return wait.nextAttemptAt();
    }

    private static String describe(CloudWait wait) {
        return PREFIX + " since " + TIME.format(wait.since()) + " (" + wait.attempts()
                + (wait.attempts() == 1 ? " attempt" : " attempts") + "; next at " + TIME.format(wait.nextAttemptAt())
                + "): " + wait.lastError();
    }
}

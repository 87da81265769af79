package io.peerdesk.domain.peering;

import java.time.Instant;

/**
 * A workflow step of a request that could not reach the cloud and waits to try again.
 *
 * @param step          what the step does, e.g. "Provision the peering"
 * @param since         when its first attempt in a row failed for want of the cloud
 * @param attempts      how many attempts in a row failed so
 * @param lastError     what the last attempt got, in plain words
 * @param nextAttemptAt when the step is tried next
 */
public record CloudWait(String step, Instant since, int attempts, String lastError, Instant nextAttemptAt) {
}

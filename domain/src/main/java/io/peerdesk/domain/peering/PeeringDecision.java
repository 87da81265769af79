package io.peerdesk.domain.peering;

import java.time.Instant;

/** An approver's or security reviewer's decision on a request: who, when, and why. */
public record PeeringDecision(boolean approved, String decidedBy, Instant decidedAt, String reason) {
}

package io.peerdesk.domain.peering;

/**
 * What the peering feature publishes, inside the transaction of the change: for the workflow to act
 * on (start the request process, signal a cancellation, a teardown or a change) and for other
 * features to follow (a peering became active or ended).
 */
public final class PeeringEvents {

    private PeeringEvents() {
    }

    /** A request was filed and stored (state SUBMITTED). */
    public record PeeringRequested(PeeringRequestId id) {
    }

    /** The requester asked to cancel a request not yet provisioned. */
    public record PeeringCancellationRequested(PeeringRequestId id) {
    }

    /** A party asked to tear an active peering down (state TEARING_DOWN). */
    public record PeeringTeardownRequested(PeeringRequestId id) {
    }

    /** A party proposed a change of an active peering's routes and rules (state CHANGING). */
    public record PeeringChangeRequested(PeeringRequestId id) {
    }

    /** The peering was built and verified (state ACTIVE): traffic may flow. */
    public record PeeringActivated(PeeringRequestId id) {
    }

    /** The request or peering ended in {@code state} (rejected, cancelled, expired, failed or deleted). */
    public record PeeringEnded(PeeringRequestId id, PeeringState state) {
    }
}

package io.peerdesk.domain.peering;

import java.time.Instant;

/** A line of a tenant's peering list: both directions, with the state and whose move it is. */
public record PeeringRow(PeeringRequestId id, PeeringSide yourSide, String partnerName, String requesterVpc,
                         String accepterVpc, String requesterRegion, String accepterRegion, PeeringState state,
                         WaitingOn waitingOn, boolean waitingOnYou, String pcxId, Instant createdAt, Instant updatedAt,
                         Instant waitingForCloudSince) {
}

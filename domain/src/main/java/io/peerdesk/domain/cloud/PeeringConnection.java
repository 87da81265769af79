package io.peerdesk.domain.cloud;

import java.time.Instant;
import java.util.Map;

/**
 * A VPC peering connection as the cloud reports it to the caller: both ends, the status code
 * ({@code pending-acceptance}, {@code provisioning}, {@code active}, {@code rejected}, {@code deleted},
 * {@code expired}, {@code failed}, …) with its message, when an unaccepted request expires, and the
 * tags the caller's account set on it.
 */
public record PeeringConnection(String id, End requester, End accepter, String status, String statusMessage,
                                Instant expiresAt, Map<String, String> tags) {

    public static final String PENDING_ACCEPTANCE = "pending-acceptance";
    public static final String INITIATING_REQUEST = "initiating-request";
    public static final String PROVISIONING = "provisioning";
    public static final String ACTIVE = "active";

    public PeeringConnection {
        tags = Map.copyOf(tags);
    }

    /** One end of the connection: the VPC, the account that owns it and its region. */
    public record End(String vpcId, String ownerId, String region) {
    }

    /** Waiting for the accepter's owner (a fresh request reports {@code initiating-request}). */
    public boolean pending() {
        return PENDING_ACCEPTANCE.equals(status) || INITIATING_REQUEST.equals(status);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /** Accepted and on its way to active, or active. */
    public boolean accepted() {
        return PROVISIONING.equals(status) || ACTIVE.equals(status);
    }

    /** The connection still exists in a state someone can act on (pending, provisioning or active). */
    public boolean live() {
        return pending() || accepted();
    }
}

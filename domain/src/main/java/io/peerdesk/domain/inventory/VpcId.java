package io.peerdesk.domain.inventory;

import io.peerdesk.domain.support.NotFound;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The portal's id of a VPC in the inventory. It is derived from the account, region and the
 * cloud's VPC id, so it stays the same across syncs and a VPC's page keeps its URL.
 */
public record VpcId(UUID value) {

    public VpcId {
        Objects.requireNonNull(value, "value");
    }

    static VpcId of(CloudAccountId account, String region, String cloudVpcId) {
        String key = "vpc/" + account.value() + "/" + region + "/" + cloudVpcId;
        return new VpcId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** Parses an id from a URL; a malformed one names no VPC, so it is simply not found. */
    public static VpcId parse(String value) {
        try {
            return new VpcId(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("VPC", value);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

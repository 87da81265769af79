package io.peerdesk.domain.support;

import java.util.Objects;
import java.util.UUID;

/** The id of a tenant (a partner organisation); every read of tenant data takes one. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

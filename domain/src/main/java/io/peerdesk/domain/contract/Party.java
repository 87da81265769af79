package io.peerdesk.domain.contract;

import io.peerdesk.domain.support.TenantId;

/** One side of a contract: a tenant as the other side sees it. */
public record Party(TenantId id, String slug, String name) {
}

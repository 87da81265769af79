package io.peerdesk.domain.inventory;

import io.peerdesk.domain.support.TenantId;

import java.util.List;

/** What a sync needs to know about an account: whose it is, where to look, and its encrypted secret. */
record SyncTarget(CloudAccountId id, TenantId tenant, String accountId, List<String> regions, String accessKeyId,
                  String secretCipher) {

    @Override
    public String toString() {
        return "SyncTarget[id=" + id + ", accountId=" + accountId + ", regions=" + regions + "]";
    }
}

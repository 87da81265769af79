package io.peerdesk.sim.http;

import io.peerdesk.sim.cloud.Caller;

/**
 * One credential known to a strict {@link Authenticator}: requests signed with this access key id
 * and secret run as {@code accountId}.
 *
 * @throws IllegalArgumentException if the key id or secret is blank, or the account id is not 12 digits
 */
public record AccessKey(String accessKeyId, String secretAccessKey, String accountId) {

    public AccessKey {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("accessKeyId is required");
        }
        if (accessKeyId.contains("/")) {
            throw new IllegalArgumentException("accessKeyId must not contain '/': " + accessKeyId);
        }
        if (secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("secretAccessKey is required for " + accessKeyId);
        }
        if (!Caller.isAccountId(accountId)) {
            throw new IllegalArgumentException("accountId for " + accessKeyId
                    + " must be a 12-digit string, got '" + accountId + "'");
        }
    }

    /** Never shows the secret, so a key can be logged safely. */
    @Override
    public String toString() {
        return "AccessKey[accessKeyId=" + accessKeyId + ", accountId=" + accountId + ", secretAccessKey=***]";
    }
}

package io.peerdesk.domain.cloud;

import java.util.Objects;

/** The access key a cloud account acts with. {@link #toString()} never shows the secret. */
public record CloudCredentials(String accountId, String accessKeyId, String secretAccessKey) {

    public CloudCredentials {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "CloudCredentials[accountId=" + accountId + ", accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
}

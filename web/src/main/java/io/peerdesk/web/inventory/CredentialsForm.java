package io.peerdesk.web.inventory;

import io.peerdesk.domain.inventory.NewCredentials;

/** The replace-credentials form; the rules are the domain's ({@link NewCredentials}). */
public class CredentialsForm {

    private String accessKeyId = "";
    private String secretAccessKey = "";

    NewCredentials toCommand() {
        return new NewCredentials(accessKeyId == null ? null : accessKeyId.strip(), secretAccessKey);
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    public void setAccessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    public String getSecretAccessKey() {
        return secretAccessKey;
    }

    public void setSecretAccessKey(String secretAccessKey) {
        this.secretAccessKey = secretAccessKey;
    }
}

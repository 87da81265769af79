package io.peerdesk.web.inventory;

import io.peerdesk.domain.inventory.NewCloudAccount;

import java.util.ArrayList;
import java.util.List;

/**
 * The register form. The rules live in the domain ({@link NewCloudAccount}); a refusal comes back
 * as field errors next to these fields. The secret is never written back into the page.
 */
public class AccountForm {

    private String accountId = "";
    private String name = "";
    private List<String> regions = new ArrayList<>();
    private String accessKeyId = "";
    private String secretAccessKey = "";

    NewCloudAccount toCommand() {
        return new NewCloudAccount(strip(accountId), name, regions == null ? List.of() : regions, strip(accessKeyId),
                secretAccessKey);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getRegions() {
        return regions;
    }

    public void setRegions(List<String> regions) {
        this.regions = regions;
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

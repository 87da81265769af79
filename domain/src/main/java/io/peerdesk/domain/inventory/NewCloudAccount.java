package io.peerdesk.domain.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A cloud account a network admin registers: the cloud's 12-digit account id, a name people
 * recognise, the regions to discover, and the access key the portal acts with (the secret is
 * encrypted at once and never shown again).
 */
public record NewCloudAccount(
        @NotBlank(message = "enter the 12-digit account id")
        @Pattern(regexp = "\\d{12}", message = "an account id is exactly 12 digits, e.g. 111111111111")
        String accountId,
        @NotBlank(message = "give the account a name")
        @Size(max = 100, message = "at most 100 characters")
        String name,
        @NotEmpty(message = "choose at least one region")
        @Size(max = 40, message = "at most 40 regions")
        List<String> regions,
        @NotBlank(message = "enter the access key id")
        @Size(max = 128, message = "at most 128 characters")
        @Pattern(regexp = "\\S*", message = "an access key id has no spaces")
        String accessKeyId,
        @NotBlank(message = "enter the secret access key")
        @Size(max = 256, message = "at most 256 characters")
        String secretAccessKey) {

    @Override
    public String toString() {
        return "NewCloudAccount[accountId=" + accountId + ", name=" + name + ", regions=" + regions
                + ", accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
}

package io.peerdesk.domain.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A replacement access key for a cloud account (after a rotation, or when the old one was refused). */
public record NewCredentials(
        @NotBlank(message = "enter the access key id")
        @Size(max = 128, message = "at most 128 characters")
        @Pattern(regexp = "\\S*", message = "an access key id has no spaces")
        String accessKeyId,
        @NotBlank(message = "enter the secret access key")
        @Size(max = 256, message = "at most 256 characters")
        String secretAccessKey) {

    @Override
    public String toString() {
        return "NewCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
}

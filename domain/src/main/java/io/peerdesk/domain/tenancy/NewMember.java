package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.support.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** A member a tenant admin adds: the initial password is set by the admin and hashed at once. */
public record NewMember(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "3–64 characters: lower-case letters, digits, '.', '_' or '-'")
        String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 12, max = 200, message = "at least 12 characters") String password,
        @NotEmpty(message = "choose at least one role") Set<Role> roles) {
}

package io.peerdesk.domain.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partner organisation a platform operator brings onto the portal, with its first tenant admin,
 * who then adds the other members. The slug names the tenant in tokens of an external identity
 * provider (the tenant claim) and never changes.
 */
public record NewTenant(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "2–40 characters: lower-case letters, digits or '-', starting with a letter")
        String slug,
        @NotBlank @Size(max = 120) String name,
        @NotNull @Valid NewMember admin) {
}

package io.peerdesk.domain.contact;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a network or tenant admin enters for a contact. Channels are optional one by one, but at
 * least one is needed: an e-mail address, a phone number in international form ({@code +49 30 1234567}),
 * or a chat/webhook URL (https; http only for localhost). The time zone is an IANA id ({@code Europe/Berlin}).
 */
public record ContactDetails(
        @NotBlank(message = "give the person's or team's name") @Size(max = 200, message = "at most 200 characters") String name,
        @NotNull(message = "choose person or team") ContactKind kind,
        @NotNull(message = "choose a role") ContactRole role,
        @NotNull(message = "choose tier 1, 2 or 3") @Min(value = 1, message = "choose tier 1, 2 or 3")
        @Max(value = 3, message = "choose tier 1, 2 or 3") Integer tier,
        @Size(max = 254, message = "at most 254 characters") String email,
        @Size(max = 32, message = "at most 32 characters") String phone,
        @Size(max = 500, message = "at most 500 characters") String chatUrl,
        @NotBlank(message = "choose a time zone, e.g. Europe/Berlin") @Size(max = 64, message = "at most 64 characters") String timeZone,
        @NotNull(message = "choose who sees this contact") Visibility visibility,
        @Size(max = 500, message = "at most 500 characters") String notes) {
}

package io.peerdesk.domain.tenancy;

/** A new service account's client id and secret: the secret is shown this once and never stored in clear. */
public record IssuedCredentials(ServiceAccount account, String clientSecret) {
}

package io.peerdesk.web.support.security;

import io.peerdesk.web.support.PortalProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * An external OIDC provider (Keycloak, Entra ID, Okta …) instead of the embedded one. The API
 * accepts that provider's access tokens: verified with the keys at the same JWK set URI the sign-in
 * uses ({@code PORTAL_IDP_JWK_SET_URI}) and, when {@code PORTAL_IDP_ISSUER} is set, only with that
 * issuer. Without this decoder the authorization server's auto-configuration would verify API
 * tokens against a key generated at start-up, and refuse every real token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portal.identity.embedded", havingValue = "false")
class ExternalIdentityConfig {

    static final String PROVIDER = "portal-idp";

    @Bean
    JwtDecoder jwtDecoder(OAuth2ClientProperties client, PortalProperties portal) {
        OAuth2ClientProperties.Provider provider = client.getProvider().get(PROVIDER);
        if (provider == null || provider.getJwkSetUri() == null || provider.getJwkSetUri().isBlank()) {
            throw new IllegalStateException("an external identity provider needs its JWK set URI (PORTAL_IDP_JWK_SET_URI)");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(provider.getJwkSetUri()).build();
        String issuer = portal.identity().issuer();
        OAuth2TokenValidator<Jwt> validator = issuer == null || issuer.isBlank()
                ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(issuer);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator);
    }
}

package io.peerdesk.web.support.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.ServiceAccounts;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.support.PortalProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;

/**
 * The embedded identity provider (Spring Authorization Server): members sign in with the
 * passwords kept (hashed) in the database, the portal is its OIDC client, service accounts get API
 * tokens with client credentials. Tokens carry the tenant (its slug) and the roles, in the claims
 * an external provider is configured to send too ({@code portal.identity.*-claim}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portal.identity.embedded", havingValue = "true", matchIfMissing = true)
class IdentityProviderConfig {

    @Bean
    AuthorizationServerSettings authorizationServerSettings(PortalProperties portal) {
        return AuthorizationServerSettings.builder().issuer(portal.baseUrl()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(PortalProperties portal, ServiceAccounts serviceAccounts,
                                                 PasswordEncoder passwords) {
        RegisteredClient self = RegisteredClient.withId("portal")
                .clientId("portal")
                .clientSecret(passwords.encode(portal.identity().clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(portal.baseUrl() + "/login/oauth2/code/portal")
                .postLogoutRedirectUri(portal.baseUrl() + "/")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
        return new PortalClients(self, serviceAccounts);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        RSAKey key = keys.current();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /**
     * The provider's own tokens, checked with the public half of its signing key, converted once (a
     * decoder on the key set converts the key again for every token), each token's signature once
     * ({@link VerifiedTokens}); a service account's tokens stop working the moment it is revoked, not
     * at their expiry.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, ServiceAccounts serviceAccounts) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.current().toRSAPublicKey()).build();
        OAuth2Error revoked = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The service account was revoked", null);
        return new VerifiedTokens(decoder, new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                jwt -> serviceAccounts.revoked(jwt.getSubject()) ? OAuth2TokenValidatorResult.failure(revoked)
                        : OAuth2TokenValidatorResult.success()));
    }

    @Bean
    UserDetailsService members(Tenancy tenancy) {
        return username -> tenancy.findLogin(username)
                .map(login -> User.withUsername(login.username())
                        .password(login.passwordHash())
                        .disabled(!login.enabled())
                        .roles(login.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such member"));
    }

    /** Puts tenant and roles into ID and access tokens, for members and for service accounts alike. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tenantClaims(PortalProperties portal, Tenancy tenancy,
                                                           ServiceAccounts serviceAccounts) {
        String tenantClaim = portal.identity().tenantClaim();
        String rolesClaim = portal.identity().rolesClaim();
        return context -> {
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                serviceAccounts.findActiveLogin(context.getRegisteredClient().getClientId()).ifPresent(account -> {
                    context.getClaims().claim(tenantClaim, account.tenantSlug());
                    context.getClaims().claim(rolesClaim, names(account.roles()));
                });
                return;
            }
            tenancy.findLogin(context.getPrincipal().getName()).ifPresent(login -> {
                context.getClaims().claim(tenantClaim, login.tenantSlug());
                context.getClaims().claim(rolesClaim, names(login.roles()));
                context.getClaims().claim("name", login.displayName());
                context.getClaims().claim("email", login.email());
                context.getClaims().claim("tenant_name", login.tenantName());
            });
        };
    }

    private static List<String> names(java.util.Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }

}

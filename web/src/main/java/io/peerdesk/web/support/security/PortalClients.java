package io.peerdesk.web.support.security;

import io.peerdesk.domain.tenancy.ServiceAccountLogin;
import io.peerdesk.domain.tenancy.ServiceAccounts;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;

/**
 * The identity provider's clients: the portal itself (authorization code, for browser sign-in) and
 * every active service account of every tenant (client credentials, for the API), read from the
 * database on each use so a revoked account stops getting tokens at once.
 */
class PortalClients implements RegisteredClientRepository {

    static final String API_SCOPE = "api";

    private final RegisteredClient portal;
    private final ServiceAccounts serviceAccounts;

    PortalClients(RegisteredClient portal, ServiceAccounts serviceAccounts) {
        this.portal = portal;
        this.serviceAccounts = serviceAccounts;
    }

    /**
     * Clients are not registered through the identity provider: the portal's own comes from
     * configuration, service accounts from their tenant admins. The provider calls this only to
     * re-encode a secret whose hash is outdated, which is done when a secret is issued instead.
     */
    @Override
    public void save(RegisteredClient registeredClient) {
        // nothing to store
    }

    @Override
    public RegisteredClient findById(String id) {
        return find(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return find(clientId);
    }

    private RegisteredClient find(String clientId) {
        if (portal.getClientId().equals(clientId) || portal.getId().equals(clientId)) {
            return portal;
        }
        return serviceAccounts.findActiveLogin(clientId).map(PortalClients::serviceAccountClient).orElse(null);
    }

    private static RegisteredClient serviceAccountClient(ServiceAccountLogin login) {
        return RegisteredClient.withId(login.clientId())
                .clientId(login.clientId())
                .clientSecret(login.secretHash())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(API_SCOPE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30)).build())
                .build();
    }
}

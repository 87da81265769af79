package io.peerdesk.web.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * {@code portal.*}: where the portal keeps its files, how it is reached, whether it runs the
 * simulated cloud and the identity provider in-process, and whether it seeds the demo world.
 *
 * @param baseUrl     the URL browsers use to reach the portal (issuer and redirect URIs derive from it)
 * @param dataDir     H2 database, simulator journal and the generated secret key live here
 * @param secretKey   base64 of 32 bytes that encrypts stored secrets; from the environment
 *                    ({@code PORTAL_SECRET_KEY}); when empty, one is generated once into the data directory
 * @param simulator   the embedded simulated cloud
 * @param identity    the embedded identity provider, or the claims of an external one
 * @param demoData    seed demo tenants, members, accounts, a contract and contacts into an empty database
 */
@ConfigurationProperties("portal")
public record PortalProperties(String baseUrl, Path dataDir, String secretKey, Simulator simulator,
                               Identity identity, @DefaultValue("false") boolean demoData) {

    /**
     * @param enabled run the simulator in-process with its EC2 endpoint on {@code host:port}
     * @param seed    {@code demo}, a seed file, or empty for an empty cloud
     */
    public record Simulator(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1") String host,
                            @DefaultValue("4566") int port, @DefaultValue("demo") String seed,
                            @DefaultValue("false") boolean inMemory) {
    }

    /**
     * @param embedded    run the identity provider in the portal (default); false for an external OIDC provider
     * @param tenantClaim the token claim naming the user's tenant (its slug)
     * @param rolesClaim  the token claim listing the user's roles
     * @param clientSecret the portal's own client secret at the embedded identity provider
     * @param issuer      an external provider's issuer: API tokens must name it in {@code iss} (optional)
     */
    public record Identity(@DefaultValue("true") boolean embedded, @DefaultValue("tenant") String tenantClaim,
                           @DefaultValue("roles") String rolesClaim, String clientSecret, String issuer) {
    }
}

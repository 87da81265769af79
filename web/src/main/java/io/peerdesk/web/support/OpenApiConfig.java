package io.peerdesk.web.support;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's OpenAPI description: every endpoint under /api/v1 takes a bearer token from the
 * identity provider's token endpoint (client credentials of a service account).
 */
@Configuration
@OpenAPIDefinition(info = @Info(title = "PeerDesk API", version = "v1",
        description = "Tenants' VPC inventory, partner contracts, contacts and peering requests. "
                + "Errors are RFC 9457 problem details; another tenant's object is 404."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from /oauth2/token (grant_type=client_credentials, scope=api).")
class OpenApiConfig {
}

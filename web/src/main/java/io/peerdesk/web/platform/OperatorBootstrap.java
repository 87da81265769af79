package io.peerdesk.web.platform;

import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.NewMember;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.support.BeforeWebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.EnumSet;

/**
 * The first start of a portal without demo data: with {@code PORTAL_OPERATOR_PASSWORD} set, an empty
 * database gets the operators' tenant ({@code ops}) and its platform operator, who signs in and
 * onboards the partner organisations. Before the web server takes requests; a database that has
 * tenants is left alone. Without the password it says at start how to get in.
 */
@Component
@ConditionalOnProperty(name = "portal.demo-data", havingValue = "false")
class OperatorBootstrap extends BeforeWebServer {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final Tenancy tenancy;
    private final String username;
    private final String password;

    OperatorBootstrap(Tenancy tenancy, @Value("${portal.operator.username:operator}") String username,
                      @Value("${portal.operator.password:}") String password) {
        this.tenancy = tenancy;
        this.username = username;
        this.password = password;
    }

    @Override
    protected void run() {
        if (password == null || password.isBlank()) {
            if (tenancy.findBySlug("ops").isEmpty()) {
                log.warn("No demo data and no platform operator: set PORTAL_OPERATOR_PASSWORD (at least 12 characters) "
                        + "on the first start to create the operator '{}', who onboards the tenants.", username);
            }
            return;
        }
        NewMember operator = new NewMember(username, "Platform operator", username + "@peerdesk.invalid", password,
                EnumSet.of(Role.PLATFORM_ADMIN, Role.VIEWER));
        if (tenancy.bootstrapOperator("ops", "PeerDesk Operations", operator)) {
            log.info("Created the platform operator '{}' in the tenant 'ops': sign in and onboard the partner "
                    + "organisations under Tenants.", username);
        }
    }
}

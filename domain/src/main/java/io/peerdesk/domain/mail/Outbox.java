package io.peerdesk.domain.mail;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TenantId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * The transactional outbox of e-mail to people outside the portal. Features write a message in the
 * transaction of the change it reports (nobody is mailed about a change that did not happen);
 * {@link MailDelivery} sends it afterwards. A tenant's network and tenant admins see its messages
 * and how delivery went.
 */
@Service
@EnableConfigurationProperties(MailProperties.class)
public class Outbox {

    /** How many messages the outbox page shows at most, newest first. */
    public static final int LIMIT = 200;

    private final OutboxRepository outbox;
    private final MailProperties properties;
    private final MailDelivery delivery;
    private final Clock clock;

    Outbox(OutboxRepository outbox, MailProperties properties, MailDelivery delivery, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Adds a message to the tenant's outbox, due at once; answers false when a message with the same
     * key is already there (and writes nothing).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean write(TenantId tenant, MailMessage message) {
        return outbox.insert(tenant, message, clock.instant());
    }

    /** {@code path} as a link people can open from a message: under the portal's address. */
    public String link(String path) {
        return properties.link(path);
    }

    /** The tenant's messages, newest first; network and tenant admins only. */
    @Transactional(readOnly = true)
    public List<OutboundMail> forTenant(Actor actor) {
        actor.require(Role.NETWORK_ADMIN, Role.TENANT_ADMIN);
        return outbox.findForTenant(actor.tenant(), LIMIT);
    }

    /** Whether a mail server and a sender address are configured; without them messages stay pending. */
    public boolean deliveryConfigured() {
        return delivery.configured();
    }
}

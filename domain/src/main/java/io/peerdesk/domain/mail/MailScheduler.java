package io.peerdesk.domain.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the outbox every {@code portal.mail.send-interval} (default 30 seconds). */
@Component
@ConditionalOnProperty(name = "portal.mail.scheduled-send", havingValue = "true", matchIfMissing = true)
class MailScheduler {

    private final MailDelivery delivery;

    MailScheduler(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(fixedDelayString = "${portal.mail.send-interval:30s}", initialDelayString = "${portal.mail.send-interval:30s}")
    void sendDue() {
        delivery.sendDue();
    }
}

package io.peerdesk.web.mail;

import io.peerdesk.domain.mail.Outbox;
import io.peerdesk.domain.support.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The tenant's outbound e-mail (to its contacts) and how delivery went; network and tenant admins. */
@Controller
class OutboxPage {

    private final Outbox outbox;

    OutboxPage(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/contacts/outbox")
    String outbox(Actor actor, Model model) {
        model.addAttribute("mails", outbox.forTenant(actor));
        model.addAttribute("deliveryConfigured", outbox.deliveryConfigured());
        return "mail/outbox";
    }
}

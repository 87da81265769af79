package io.peerdesk.web.audit;

import io.peerdesk.domain.audit.AuditLog;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.web.support.Toasts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The tenant's audit log, newest first: its own events and those on objects shared with it, searchable. */
@Controller
class AuditPages {

    static final int LIMIT = 200;

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String log(Actor actor, @RequestParam(name = "q", required = false) String search, Model model, HttpServletRequest request) {
        String q = search == null ? "" : search.strip();
        if (q.length() > 100) {
            q = q.substring(0, 100);
        }
        model.addAttribute("events", audit.forTenant(actor.tenant(), q, LIMIT));
        model.addAttribute("q", q);
        model.addAttribute("limit", LIMIT);
        return Toasts.isHtmx(request) ? "audit/log :: rows" : "audit/log";
    }
}

package io.peerdesk.web.notification;

import io.peerdesk.domain.notification.Notifications;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.web.support.Toasts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/** The member's in-portal notifications, unread first in mind (filter), each linking to what it is about; mark read. */
@Controller
@RequestMapping("/notifications")
class NotificationPages {

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String show, Model model, HttpServletRequest request) {
        boolean unreadOnly = "unread".equals(show);
        model.addAttribute("items", notifications.forActor(actor, unreadOnly));
        model.addAttribute("unreadOnly", unreadOnly);
        return Toasts.isHtmx(request) ? "notification/list :: items" : "notification/list";
    }

    /** Marks one notification read ({@code id}), or all of them (no id); then back to the list. */
    @PostMapping("/read")
    String markRead(Actor actor, @RequestParam(required = false) String id, @RequestParam(required = false) String show) {
        if (id == null || id.isBlank()) {
            notifications.markAllRead(actor);
        } else {
            notifications.markRead(actor, parse(id));
        }
        return "redirect:/notifications" + ("unread".equals(show) ? "?show=unread" : "");
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFound("Notification", id);
        }
    }
}

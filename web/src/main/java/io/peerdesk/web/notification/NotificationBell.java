package io.peerdesk.web.notification;

import io.peerdesk.domain.notification.Notifications;
import io.peerdesk.web.support.security.PortalIdentities;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count the layout's bell shows on every full page; not computed for the API or for
 * HTMX fragments, which have no layout.
 */
@ControllerAdvice(annotations = Controller.class)
class NotificationBell {

    private final Notifications notifications;
    private final PortalIdentities identities;

    NotificationBell(Notifications notifications, PortalIdentities identities) {
        this.notifications = notifications;
        this.identities = identities;
    }

    @ModelAttribute("unreadNotifications")
    Integer unread(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/") || request.getHeader("HX-Request") != null) {
            return null;
        }
        return identities.actorOf(SecurityContextHolder.getContext().getAuthentication(), request.getRemoteAddr())
                .map(notifications::unreadCount).orElse(null);
    }
}

package io.peerdesk.web.support;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.web.support.security.PortalIdentities;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout shows on every page: who is signed in, for which tenant, and where they are. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final PortalIdentities identities;

    LayoutAdvice(PortalIdentities identities) {
        this.identities = identities;
    }

    /** The signed-in person as the layout needs it; null on the sign-in and error pages. */
    public record Me(String username, String tenantName, Actor actor) {

        public boolean can(String role) {
            return actor.has(Role.valueOf(role));
        }
    }

    @ModelAttribute("me")
    Me me(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return identities.actorOf(authentication, request.getRemoteAddr())
                .map(actor -> new Me(actor.name(), identities.tenantOf(authentication).orElseThrow().name(), actor))
                .orElse(null);
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }
}

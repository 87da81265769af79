package io.peerdesk.web.support.security;

import io.peerdesk.web.support.PortalProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The identity provider's branded sign-in page (Spring Security handles the POST). With an external
 * provider it is only where sign-out lands, with a link to sign in there again.
 */
@Controller
class LoginController {

    private final PortalProperties portal;

    LoginController(PortalProperties portal) {
        this.portal = portal;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("embedded", portal.identity().embedded());
        model.addAttribute("signInUrl", SecurityConfig.LOGIN_ENTRY);
        return "login";
    }
}

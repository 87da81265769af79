package io.peerdesk.web.home;

import io.peerdesk.domain.support.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard: what the signed-in person's tenant has, and what waits for them. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("roles", actor.roles());
        return "home";
    }
}

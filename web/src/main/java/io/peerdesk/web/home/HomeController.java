package io.peerdesk.web.home;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The dashboard: who you are, for which tenant, with which roles, then each feature's card for you. */
@Controller
class HomeController {

    private final List<DashboardCard> cards;

    HomeController(List<DashboardCard> cards) {
        this.cards = cards.stream().sorted(Comparator.comparingInt(DashboardCard::order)).toList();
    }

    @GetMapping("/")
    String home(Actor actor, @AuthenticationPrincipal OidcUser user, Model model) {
        model.addAttribute("displayName", Optional.ofNullable(user).map(OidcUser::getFullName).orElse(actor.name()));
        model.addAttribute("roles", actor.roles().stream().sorted(Comparator.comparing(Role::ordinal)).toList());
        model.addAttribute("cards", cards.stream().flatMap(card -> card.cardFor(actor).stream()).toList());
        return "home";
    }
}

package io.peerdesk.web.home;

import io.peerdesk.domain.support.Actor;

import java.util.Map;
import java.util.Optional;

/**
 * A feature's card on the dashboard. A feature adds one by declaring a bean of this type in its own
 * web package and a Thymeleaf fragment in its own templates; the dashboard shows every card that
 * has something for the signed-in person, in {@link #order()}. Neither home.html nor
 * {@link HomeController} changes when a feature adds its card.
 */
public interface DashboardCard {

    /** Position on the dashboard: lower comes first. */
    int order();

    /** This person's card, or empty when it has nothing for them (their roles, nothing pending). */
    Optional<Card> cardFor(Actor actor);

    /**
     * @param template the template holding the fragment, e.g. {@code "contract/cards"}
     * @param fragment the fragment's name; it renders one {@code <article class="card">} with an {@code <h2>}
     * @param data     what the fragment reads, as the variable {@code data}
     */
    record Card(String template, String fragment, Map<String, ?> data) {
    }
}

package io.peerdesk.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class SignInJourneyIT extends BrowserJourney {

    @Test
    void aliceSignsInSeesHerDashboardAndSignsOut(Page page) {
        page.navigate(url("/"));
        assertThat(page).hasTitle("Sign in · PeerDesk");

        signIn(page, "alice");

        assertThat(page).hasURL(Pattern.compile("^http://localhost:" + PORT + "/(\\?continue)?$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("Welcome, Alice Archer");
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("Acme Networks");
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("Requester");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Members"))).hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You have been signed out.");
        assertThat(page.getByLabel("User name")).isVisible();
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void wrongPasswordKeepsTheVisitorOnTheSignInPage(Page page) {
        page.navigate(url("/"));
        page.getByLabel("User name").fill("alice");
        page.getByLabel("Password").fill("not her password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The user name or password is not right");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).hasCount(0);
    }
}

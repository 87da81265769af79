package io.peerdesk.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.peerdesk.web.PortalTest;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A journey through the portal in Chromium: the whole portal starts in-process with the demo world
 * ({@link PortalTest}), each test method takes a fresh {@link Page}. Journeys find things as a
 * person does, by role and label, and wait with Playwright's auto-waiting assertions, never sleeps.
 */
@ExtendWith(Chromium.class)
public abstract class BrowserJourney extends PortalTest {

    /** Signs a demo member in through the identity provider's login page; ends on the dashboard. */
    protected static void signIn(Page page, String username) {
        page.navigate(url("/"));
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
    }

    /** The absolute URL of a portal path. */
    protected static String url(String path) {
        return BASE_URL + path;
    }
}

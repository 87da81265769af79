package io.peerdesk.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class InventoryJourneyIT extends BrowserJourney {

    @Test
    void requesterSeesHerTenantsVpcsButNotThePartners(Page page) {
        signIn(page, "alice");

        nav(page, "VPCs").click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("VPCs"))).isVisible();
        Locator table = page.getByRole(AriaRole.TABLE);
        assertThat(table).containsText("acme-prod");
        assertThat(table).containsText("acme-dev");
        assertThat(table).containsText("acme-eu");
        assertThat(table).not().containsText("globex-core");
        assertThat(table).not().containsText("initech-main");

        page.getByLabel("Search").fill("acme-eu");
        assertThat(table).not().containsText("acme-prod");
        assertThat(table).containsText("acme-eu");

        table.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("acme-eu")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Route tables"))).isVisible();
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("10.11.0.0/16");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Security groups"))).isVisible();
    }

    private static Locator nav(Page page, String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
    }
}

package io.peerdesk.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class ContactsJourneyIT extends BrowserJourney {

    @Test
    void contactSharedWithThePartnerAppearsOnThePartnersSideAndAnInternalOneDoesNot(Page anton) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String shared = "Acme NOC night shift " + run;
        String internal = "Acme internal escalation " + run;
        signIn(anton, "anton");
        addContact(anton, shared, "NOC", "Partners under an active contract that shares this role");
        addContact(anton, internal, "NOC", "Only us");

        BrowserContext other = anton.context().browser().newContext();
        try {
            Page gus = other.newPage();
            signIn(gus, "gus");
            gus.navigate(url("/contacts"));
            Locator acme = gus.locator(".card").filter(new Locator.FilterOptions()
                    .setHas(gus.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Acme Networks"))));
            assertThat(acme).containsText(shared);
            assertThat(acme).not().containsText(internal);
        } finally {
            other.close();
        }
    }

    private static void addContact(Page page, String name, String role, String visibility) {
        page.navigate(url("/contacts"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a contact")).click();
        page.getByLabel("Name of the person or team").fill(name);
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel(role));
        page.getByLabel("E-mail").fill("noc-" + Math.abs(name.hashCode()) + "@acme.example");
        page.getByLabel("Time zone (IANA name)").fill("Europe/Berlin");
        page.getByLabel(visibility).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add contact")).click();
        assertThat(page.getByRole(AriaRole.MAIN)).containsText(name);
    }
}

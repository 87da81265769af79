package io.peerdesk.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class ContractJourneyIT extends BrowserJourney {

    @Test
    void tenantAdminProposesAContractThePartnersAdminAcceptsBothSeeItActive(Page ada) {
        String title = "Journey contract " + UUID.randomUUID().toString().substring(0, 8);
        signIn(ada, "ada");
        ada.navigate(url("/contracts"));
        ada.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Propose a contract")).click();

        ada.getByLabel("Partner organisation").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Globex Corporation"));
        ada.getByLabel("Title").fill(title);
        ada.getByLabel("us-east-1").check();
        ada.getByLabel("Prefixes Acme Networks may expose (one CIDR block per line)").fill("10.10.0.0/16");
        ada.getByLabel("Prefixes the partner may expose (one CIDR block per line)").fill("10.20.0.0/16");
        ada.getByLabel("Maintenance window").fill("Sundays 02:00–04:00 UTC");
        ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send proposal")).click();

        assertThat(ada.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(title);
        assertThat(ada.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("PROPOSED");
        String contractUrl = ada.url();

        BrowserContext other = ada.context().browser().newContext();
        try {
            Page greta = other.newPage();
            signIn(greta, "greta");
            greta.navigate(url("/contracts"));
            greta.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            greta.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept")).click();

            assertThat(greta.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("ACTIVE");
            assertThat(greta.getByRole(AriaRole.MAIN)).containsText("Acme Networks");
        } finally {
            other.close();
        }

        ada.navigate(contractUrl);
        assertThat(ada.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("ACTIVE");
        Locator trail = ada.getByRole(AriaRole.MAIN);
        assertThat(trail).containsText("greta");
        assertThat(trail).containsText("ada");
    }
}

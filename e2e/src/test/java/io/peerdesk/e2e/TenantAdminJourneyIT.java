package io.peerdesk.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Ada, Acme's tenant admin, looks after her people and API clients. */
class TenantAdminJourneyIT extends BrowserJourney {

    @Test
    void adaAddsAMemberCorrectsHerInputAndChangesTheRolesInPlace(Page page) {
        String username = "hugo-" + UUID.randomUUID().toString().substring(0, 6);
        signIn(page, "ada");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Members")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Members"))).isVisible();

        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Add a member"));
        form.getByLabel("User name").fill(username);
        form.getByLabel("Display name").fill("Hugo Hale");
        form.getByLabel("Email").fill("not an address");
        form.getByLabel("Initial password").fill("a long initial password");
        role(form, "Requester").check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add member")).click();

        form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Add a member"));
        assertThat(form.getByLabel("Email")).hasAttribute("aria-invalid", "true");
        assertThat(form.getByLabel("Email")).hasAccessibleDescription("must be a well-formed email address");
        assertThat(form.getByLabel("User name")).hasValue(username);
        form.getByLabel("Email").fill(username + "@acme.example");
        form.getByLabel("Initial password").fill("a long initial password");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add member")).click();

        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("was added"))).isVisible();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(username));
        assertThat(role(row, "Requester")).isChecked();

        role(row, "Requester").uncheck();
        role(row, "Approver").check();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save roles")).click();

        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Roles of Hugo Hale saved")))
                .isVisible();
        page.reload();
        row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(username));
        assertThat(role(row, "Approver")).isChecked();
        assertThat(role(row, "Requester")).not().isChecked();

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable Hugo Hale")).click();
        assertThat(row.getByText("Disabled", new Locator.GetByTextOptions().setExact(true))).isVisible();
    }

    @Test
    void adaCannotRemoveTheLastTenantAdmin(Page page) {
        signIn(page, "ada");
        page.navigate(url("/members"));
        Locator ada = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Ada Adler"));

        role(ada, "Tenant admin").uncheck();
        role(ada, "Viewer").check();
        ada.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save roles")).click();

        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                .setHasText("a tenant keeps at least one enabled tenant admin"))).isVisible();
        page.reload();
        assertThat(role(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Ada Adler")),
                "Tenant admin")).isChecked();
    }

    @Test
    void adaCreatesAServiceAccountSeesTheSecretOnceAndRevokesIt(Page page) {
        String name = "Deploy bot " + UUID.randomUUID().toString().substring(0, 6);
        signIn(page, "ada");
        page.navigate(url("/service-accounts"));

        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New service account"));
        form.getByLabel("Name").fill(name);
        role(form, "Viewer").check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create service account")).click();

        Locator credentials = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Credentials of " + name));
        assertThat(credentials).containsText("shown only this once");
        assertThat(credentials.locator("#issued-secret")).not().isEmpty();

        page.navigate(url("/service-accounts"));
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Credentials of " + name))).hasCount(0);
        page.onceDialog(dialog -> dialog.accept());
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke " + name)).click();

        assertThat(row.getByText("Revoked")).isVisible();
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("is revoked"))).isVisible();
    }

    /** A role's checkbox: exact, or "Viewer" would also find "Security reviewer". */
    private static Locator role(Locator scope, String label) {
        return scope.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }
}

package io.peerdesk.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.peering.PeeringFilter;
import io.peerdesk.domain.peering.PeeringRequest;
import io.peerdesk.domain.peering.PeeringRequests;
import io.peerdesk.domain.peering.PeeringState;
import io.peerdesk.domain.peering.WaitingOn;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.PeeringWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Peering journeys: a requester files through the form, the accepter decides in the inbox, both
 * follow the request's page. The portal's background steps are waited for on the request itself,
 * then the page is loaded again, as a person would reload it.
 */
class PeeringJourneyIT extends BrowserJourney {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired PeeringRequests requests;
    @Autowired Tenancy tenancy;
    @Autowired Contracts contracts;
    @Autowired Inventory inventory;

    @Test
    void requestApprovedFromTheInboxIsActiveOnBothSidesThenTornDown(Page alice) {
        signIn(alice, "alice");
        fileRequest(alice, "Acme ↔ Globex production peering", "globex-core");
        assertThat(alice.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("acme-prod");
        String requestUrl = alice.url();
        awaitState("acme-prod", "globex-core", PeeringState.PENDING_APPROVAL);

        asOther(alice, "george", george -> {
            george.navigate(url("/inbox"));
            var row = george.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("acme-prod → globex-core"));
            assertThat(row).containsText("left");
            row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Approve")).click();
            assertThat(george.getByText("Approved by you.")).isVisible();
        });
        awaitState("acme-prod", "globex-core", PeeringState.ACTIVE);

        alice.navigate(requestUrl);
        assertThat(alice.locator("#peering-state")).hasText("ACTIVE");
        assertThat(alice.locator("#applied")).containsText("route 10.20.0.0/16");
        assertThat(alice.locator("#applied")).containsText("route 10.10.0.0/16");
        asOther(alice, "gina", gina -> {
            gina.navigate(requestUrl);
            assertThat(gina.locator("#peering-state")).hasText("ACTIVE");
            assertThat(gina.locator("#applied")).containsText("(requester)");
            assertThat(gina.locator("#applied")).containsText("(accepter)");
            // a change: the accepter opens tcp 443 into the requester's app tier, chosen by its name
            String appTier = gina.locator("#change-rule-group option").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("acme-prod-app (")).getAttribute("value");
            gina.getByLabel("Security group").selectOption(appTier);
            gina.getByLabel("From port", new Page.GetByLabelOptions().setExact(true)).fill("443");
            gina.getByLabel("Reason (the other side reads it)").fill("our monitoring polls your app hosts");
            gina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose the change")).click();
            assertThat(gina.getByRole(AriaRole.MAIN)).containsText("Add tcp 443 from 10.20.0.0/16 into " + appTier + " (requester)");
        });
        awaitWaitingOnRequester("acme-prod", "globex-core");
        asOther(alice, "arthur", arthur -> {
            arthur.navigate(url("/inbox"));
            var row = arthur.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Change approval"));
            assertThat(row).containsText("our monitoring polls your app hosts");
            assertThat(row).containsText("Globex Corporation (gina)");
            row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Approve")).click();
            assertThat(arthur.getByText("Approved by you.")).isVisible();
        });
        awaitChangeApplied("acme-prod", "globex-core");
        alice.navigate(requestUrl);
        assertThat(alice.locator("#applied")).containsText("rule tcp 443 from 10.20.0.0/16");
        asOther(alice, "gina", gina -> {
            gina.navigate(requestUrl);
            gina.getByLabel("Reason to tear down (the partner reads it)").fill("globex-core moves to a new VPC");
            gina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tear down")).click();
            assertThat(gina.locator("#peering-state")).not().hasText("ACTIVE");
        });
        awaitState("acme-prod", "globex-core", PeeringState.DELETED);
        alice.navigate(requestUrl);
        assertThat(alice.locator("#peering-state")).hasText("DELETED");
        assertThat(alice.getByRole(AriaRole.MAIN)).containsText("globex-core moves to a new VPC");
    }

    @Test
    void rejectionWithAReasonIsWhatTheRequesterReads(Page alice) {
        signIn(alice, "alice");
        fileRequest(alice, "Acme ↔ Globex production peering", "globex-eu");
        String requestUrl = alice.url();
        awaitState("acme-prod", "globex-eu", PeeringState.PENDING_APPROVAL);

        asOther(alice, "george", george -> {
            george.navigate(url("/inbox"));
            var row = george.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("acme-prod → globex-eu"));
            row.getByRole(AriaRole.TEXTBOX).fill("globex-eu is closed to new peerings");
            row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Reject")).click();
            assertThat(george.getByText("Rejected by you.")).isVisible();
        });
        awaitState("acme-prod", "globex-eu", PeeringState.REJECTED);
        alice.navigate(requestUrl);
        assertThat(alice.locator("#peering-state")).hasText("REJECTED");
        assertThat(alice.getByRole(AriaRole.MAIN)).containsText("globex-eu is closed to new peerings");
    }

    @Test
    void overlappingVpcsAreRefusedWithTheOverlapShown(Page alice) {
        new PeeringWorld(tenancy, contracts, inventory).initechContract();
        signIn(alice, "alice");
        alice.navigate(url("/peerings/new"));
        alice.getByLabel("Your VPC").selectOption(new SelectOption().setLabel(
                "acme-dev · 10.30.0.0/16 · us-east-1 · account 111111111111"));
        assertThat(alice.getByRole(AriaRole.ALERT)).containsText("Choose a partner's VPC");
        alice.getByLabel("Contract (partner)").selectOption(new SelectOption().setLabel(
                PeeringWorld.INITECH_CONTRACT + " · with Initech"));
        // the form swaps itself for the chosen contract: choose the partner's VPC in the new form
        assertThat(alice.getByRole(AriaRole.ALERT)).containsText("Choose one of Initech's VPCs");
        alice.getByLabel("Partner's VPC").selectOption(new SelectOption().setLabel("initech-legacy · 10.30.0.0/16 · us-east-1"));
        assertThat(alice.getByRole(AriaRole.ALERT)).containsText("10.30.0.0/16 of acme-dev overlaps 10.30.0.0/16 of initech-legacy");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File the request")).click();
        assertThat(alice.getByRole(AriaRole.ALERT)).containsText("The request was not filed");
        assertThat(alice.getByRole(AriaRole.ALERT)).containsText("overlaps 10.30.0.0/16 of initech-legacy");
    }

    /** The form step by step, keeping the suggested routes and allowing tcp 443 into the partner's first security group. */
    private static void fileRequest(Page page, String contract, String partnerVpc) {
        page.navigate(url("/peerings"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request a peering")).click();
        page.waitForLoadState(); // the form's live checks start once its scripts have loaded
        page.getByLabel("Your VPC").selectOption(new SelectOption().setLabel(
                "acme-prod · 10.10.0.0/16, 100.64.10.0/24, 2600:1f00:0:400::/56 · us-east-1 · account 111111111111"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Choose a partner's VPC");
        page.getByLabel("Contract (partner)").selectOption(new SelectOption().setLabel(contract + " · with Globex Corporation"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Choose one of Globex Corporation's VPCs");
        page.getByLabel("Partner's VPC").selectOption(partnerVpc.equals("globex-core")
                ? new SelectOption().setLabel("globex-core · 10.20.0.0/16 · us-east-1")
                : new SelectOption().setLabel("globex-eu · 10.21.0.0/16 · eu-west-1"));
        assertThat(page.getByLabel("Keep route 1")).isChecked();
        page.getByLabel("Security group, accepter side").selectOption(new SelectOption().setIndex(1));
        assertThat(page.getByLabel("Security group, accepter side")).not().hasValue("");
        page.getByLabel("From port, accepter side").fill("443");
        page.getByLabel("To port, accepter side").fill("443");
        page.getByLabel("To port, accepter side").blur();
        assertThat(page.getByText("All checks pass")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File the request")).click();
    }

    private void awaitState(String requesterVpc, String accepterVpc, PeeringState state) {
        await(requesterVpc, accepterVpc, String.valueOf(state), r -> r.state() == state);
    }

    private void awaitWaitingOnRequester(String requesterVpc, String accepterVpc) {
        await(requesterVpc, accepterVpc, "waiting on the requester", r -> r.waitingOn() == WaitingOn.REQUESTER);
    }

    /** Active again, with no change pending: the change is in place. */
    private void awaitChangeApplied(String requesterVpc, String accepterVpc) {
        await(requesterVpc, accepterVpc, "change applied", r -> r.state() == PeeringState.ACTIVE && r.pendingChange() == null);
    }

    private void await(String requesterVpc, String accepterVpc, String what, Predicate<PeeringRequest> done) {
        var alice = new PeeringWorld(tenancy, contracts, inventory).as("alice");
        PeeringWorld.await(requesterVpc + " → " + accepterVpc + " " + what, WAIT, () -> requests.list(alice, PeeringFilter.all())
                .stream().filter(r -> r.requesterVpc().equals(requesterVpc) && r.accepterVpc().equals(accepterVpc))
                .findFirst().map(r -> done.test(requests.get(alice, r.id()))).orElse(false));
    }

    private static void asOther(Page page, String username, Consumer<Page> journey) {
        BrowserContext other = page.context().browser().newContext();
        try {
            Page theirs = other.newPage();
            signIn(theirs, username);
            journey.accept(theirs);
        } finally {
            other.close();
        }
    }
}

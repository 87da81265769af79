package io.peerdesk.web.mail;

import io.peerdesk.domain.contract.Contracts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.peering.NewPeeringRequest;
import io.peerdesk.domain.peering.PeeringLifecycle;
import io.peerdesk.domain.peering.PeeringRequestId;
import io.peerdesk.domain.peering.PeeringRequests;
import io.peerdesk.domain.peering.PeeringState;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.web.PeeringWorld;
import io.peerdesk.web.PortalSession;
import io.peerdesk.web.PortalTest;
import io.peerdesk.workflow.peering.PeeringWorkflow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbound e-mail page on the whole portal, which runs without a mail server: the reminder of a
 * pending request waits in the accepter's outbox for its Policy contact, and the page says why.
 */
class OutboxIT extends PortalTest {

    @Autowired Tenancy tenancy;
    @Autowired Contracts contracts;
    @Autowired Inventory inventory;
    @Autowired PeeringRequests requests;
    @Autowired PeeringWorkflow workflow;
    @Autowired PeeringLifecycle lifecycle;

    @Test
    void theRemindedAcceptersPolicyContactIsInItsOutboxWaitingForAMailServer() {
        PeeringWorld world = new PeeringWorld(tenancy, contracts, inventory);
        Actor alice = world.as("alice");
        VpcId own = world.vpc("anton", "acme-dev");
        VpcId theirs = world.vpc("ivan", "initech-main");
        PeeringRequestId id = requests.submit(alice, new NewPeeringRequest(world.initechContract(), own, theirs,
                PeeringWorld.routes(requests.suggestRoutes(alice, own, theirs), "10.30.0.0/16", "172.16.0.0/16"), List.of()),
                "outbox-check").id();
        workflow.start(id, alice.tenant(), tenancy.findBySlug("initech").orElseThrow().id());
        PeeringWorld.await("request " + id + " pending", Duration.ofSeconds(60),
                () -> requests.get(alice, id).state() == PeeringState.PENDING_APPROVAL);

        lifecycle.remind(id);

        String outbox = signIn("ivan").get("/contacts/outbox").body();
        assertThat(outbox).contains("No mail server is configured")
                .contains("Initech Peering Policy", "peering-policy@initech.example", "/peerings/" + id)
                .contains("Reminder: peering request acme-dev (Acme Networks) ↔ initech-main (Initech) awaits a decision")
                .contains("Pending");
        assertThat(signIn("anton").get("/contacts/outbox").body()).doesNotContain("/peerings/" + id);
        assertThat(signIn("alice").get("/peerings/" + id).body())
                .contains("e-mailed its Policy contacts Initech Peering Policy")
                .doesNotContain("peering-policy@initech.example");
        workflow.cancel(alice, id);
    }

    @Test
    void onlyNetworkAndTenantAdminsOpenTheOutbox() {
        PortalSession ada = signIn("ada");
        assertThat(ada.get("/contacts").body()).contains("Outbound e-mail");
        assertThat(ada.get("/contacts/outbox").status()).isEqualTo(200);
        assertThat(signIn("avery").get("/contacts/outbox").status()).isEqualTo(403);
        assertThat(signIn("avery").get("/contacts").body()).doesNotContain("/contacts/outbox");
    }
}

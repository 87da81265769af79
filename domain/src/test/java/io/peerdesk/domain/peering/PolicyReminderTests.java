package io.peerdesk.domain.peering;

import io.peerdesk.domain.audit.AuditEvent;
import io.peerdesk.domain.contact.ContactDetails;
import io.peerdesk.domain.contact.ContactKind;
import io.peerdesk.domain.contact.ContactRole;
import io.peerdesk.domain.contact.Contacts;
import io.peerdesk.domain.contact.Visibility;
import io.peerdesk.domain.mail.MailDelivery;
import io.peerdesk.domain.mail.MailState;
import io.peerdesk.domain.mail.OutboundMail;
import io.peerdesk.domain.mail.Outbox;
import io.peerdesk.domain.mail.TestMail;
import io.peerdesk.domain.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval reminder reaches the accepter's Policy contacts by e-mail, through the outbox and a
 * real SMTP server ({@link TestMail}), besides the approvers in the portal.
 */
@Import(TestMail.Config.class)
class PolicyReminderTests extends PeeringTestBase {

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMail.properties(registry);
    }

    @Autowired Contacts contacts;
    @Autowired Outbox outbox;
    @Autowired MailDelivery delivery;
    @Autowired PeeringRepository repository;

    FreshWorld world;
    String run;

    @BeforeEach
    void freshWorld() {
        world = FreshWorld.create(this);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theReminderMailsEachPolicyContactWithAnAddressOnceAndTheHistoryNamesThem() throws Exception {
        String desk = "policy-" + run + "@acc.test";
        contact("Peering Policy Desk", ContactRole.POLICY, desk, null, "America/New_York");
        contact("Pat Policy", ContactRole.POLICY, null, "+4930123456", "Europe/Berlin");
        contact("Acc NOC", ContactRole.NOC, "noc-" + run + "@acc.test", null, "UTC");
        PeeringRequestId id = pending();

        lifecycle.remind(id);
        lifecycle.remind(id);

        assertThat(outbox.forTenant(world.accepter.admin())).singleElement().satisfies(m -> {
            assertThat(m.recipientName()).isEqualTo("Peering Policy Desk");
            assertThat(m.recipientEmail()).isEqualTo(desk);
            assertThat(m.state()).isEqualTo(MailState.PENDING);
            assertThat(m.link()).isEqualTo("/peerings/" + id);
        });
        assertThat(outbox.forTenant(world.requester.admin())).isEmpty();
        assertThat(reminded(id).summary()).contains("reminded " + world.accepter.tenant().name() + "'s approvers and e-mailed "
                + "its Policy contacts Peering Policy Desk").doesNotContain(desk).doesNotContain("Pat Policy");
        assertThat(notifications.forActor(world.accepter.approver(), false)).extracting(Notification::message)
                .anyMatch(n -> n.startsWith("Reminder: the peering request"));

        delivery.sendDue();

        Instant deadline = peerings.get(world.accepter.viewer(), id).connectionExpiresAt();
        String pair = PeeringNews.pair(requests(id));
        assertThat(TestMail.to(desk)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Reminder: peering request " + pair + " awaits a decision");
            assertThat((String) mail.getContent()).contains(pair)
                    .contains("Deadline: " + PolicyReminders.deadline(deadline, "America/New_York"))
                    .contains("The request: " + TestMail.BASE_URL + "/peerings/" + id);
        });
        assertThat(outbox.forTenant(world.accepter.admin())).extracting(OutboundMail::state).containsExactly(MailState.SENT);
    }

    @Test
    void withoutAPolicyContactWithAnAddressTheHistorySaysSoAndTheApproversAreStillReminded() {
        contact("Pat Policy", ContactRole.POLICY, null, "+4930123456", "Europe/Berlin");
        PeeringRequestId id = pending();

        lifecycle.remind(id);

        assertThat(outbox.forTenant(world.accepter.admin())).isEmpty();
        assertThat(reminded(id).summary()).contains("reminded " + world.accepter.tenant().name() + "'s approvers; no Policy "
                + "contact of " + world.accepter.tenant().name() + " has an e-mail address");
        assertThat(notifications.forActor(world.accepter.approver(), false)).extracting(Notification::message)
                .anyMatch(n -> n.startsWith("Reminder: the peering request"));
    }

    @Test
    void theDeadlineIsShownInUtcAndTheContactsOwnTime() {
        Instant at = Instant.parse("2026-03-07T14:00:00Z");
        assertThat(PolicyReminders.deadline(at, "America/New_York")).isEqualTo("2026-03-07 14:00 UTC (2026-03-07 09:00 America/New_York)");
        assertThat(PolicyReminders.deadline(at, "UTC")).isEqualTo("2026-03-07 14:00 UTC");
    }

    private PeeringRequestId pending() {
        PeeringRequestId id = peerings.submit(world.requester.requester(), world.request(), null).id();
        lifecycle.requestConnection(id);
        return id;
    }

    private StoredRequest requests(PeeringRequestId id) {
        return repository.find(id).orElseThrow();
    }

    private AuditEvent reminded(PeeringRequestId id) {
        return peerings.timeline(world.requester.requester(), id).stream().filter(e -> e.action().equals("peering.reminded"))
                .reduce((first, second) -> second).orElseThrow();
    }

    private void contact(String name, ContactRole role, String email, String phone, String zone) {
        contacts.add(world.accepter.admin(), new ContactDetails(name, ContactKind.TEAM, role, 2, email, phone, null, zone,
                Visibility.INTERNAL, null));
    }
}

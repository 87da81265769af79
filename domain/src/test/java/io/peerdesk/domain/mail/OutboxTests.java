package io.peerdesk.domain.mail;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.NotPermitted;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.support.TestClock;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.domain.tenancy.Tenant;
import io.peerdesk.domaintest.DomainTestApplication;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox and its sender against a real SMTP server ({@link TestMail}). Messages are committed
 * as a step would commit them; every test mails its own addresses, since the sender serves every
 * tenant's outbox at once.
 */
@SpringBootTest(classes = DomainTestApplication.class, properties = "portal.inventory.scheduled-sync=false")
@Import(TestMail.Config.class)
class OutboxTests {

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMail.properties(registry);
    }

    @Autowired Outbox outbox;
    @Autowired MailDelivery delivery;
    @Autowired OutboxRepository repository;
    @Autowired Tenancy tenancy;
    @Autowired TestClock clock;
    @Autowired PlatformTransactionManager transactionManager;

    Tenant tenant;
    Actor admin;
    String run;

    @BeforeEach
    void tenant() {
        run = UUID.randomUUID().toString().substring(0, 8);
        tenant = tenancy.createTenant("mail-" + run, "Mail " + run);
        admin = new Actor(tenant.id(), "admin", Set.of(Role.NETWORK_ADMIN), null);
    }

    @Test
    void aMessageIsDeliveredOnceAndRecordedAsSent() throws Exception {
        String address = address("policy");
        write("k1", "Peering Policy", address, "Reminder: a request awaits a decision", "Open https://peerdesk.test/x");
        assertThat(mails()).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(MailState.PENDING);
            assertThat(m.attempts()).isZero();
        });

        delivery.sendDue();
        delivery.sendDue();

        assertThat(TestMail.to(address)).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Reminder: a request awaits a decision");
            assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("peerdesk@peerdesk.test");
            assertThat(((InternetAddress) m.getAllRecipients()[0]).getPersonal()).isEqualTo("Peering Policy");
            assertThat((String) m.getContent()).contains("Open https://peerdesk.test/x");
        });
        assertThat(mails()).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(MailState.SENT);
            assertThat(m.sentAt()).isEqualTo(clock.instant());
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).isNull();
        });
    }

    @Test
    void theSameMessageWrittenTwiceIsKeptOnce() {
        String address = address("policy");
        assertThat(write("same", "Policy", address, "Subject", "Body")).isTrue();
        assertThat(write("same", "Policy", address, "Subject", "Body")).isFalse();

        assertThat(mails()).hasSize(1);
    }

    @Test
    void aFailedSendIsRetriedAfterADoublingDelayWithTheErrorShown() {
        String address = address("flaky");
        TestMail.failFor(address, 2);
        write("k1", "Policy", address, "Subject", "Body");

        delivery.sendDue();
        assertThat(mails()).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(MailState.PENDING);
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).contains("Connection refused");
            assertThat(m.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        });
        clock.advance(Duration.ofSeconds(59));
        delivery.sendDue();
        assertThat(mails().get(0).attempts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        delivery.sendDue();
        assertThat(mails().get(0).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        clock.advance(Duration.ofMinutes(2));
        delivery.sendDue();

        assertThat(TestMail.to(address)).hasSize(1);
        assertThat(mails()).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(MailState.SENT);
            assertThat(m.attempts()).isEqualTo(3);
        });
    }

    @Test
    void aMessageIsMarkedFailedAfterTheLastAttempt() {
        String address = address("down");
        TestMail.failFor(address, 10);
        write("k1", "Policy", address, "Subject", "Body");

        for (int attempt = 0; attempt < 7; attempt++) {
            delivery.sendDue();
            clock.advance(Duration.ofHours(1));
        }

        assertThat(TestMail.to(address)).isEmpty();
        assertThat(mails()).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(MailState.FAILED);
            assertThat(m.attempts()).isEqualTo(5);
            assertThat(m.lastError()).contains("Connection refused");
        });
    }

    @Test
    void aMessageWhoseSenderStoppedMidSendIsNeverSentAgain() {
        String address = address("crash");
        write("k1", "Policy", address, "Subject", "Body");
        UUID id = mails().get(0).id();
        // a node claims it, then stops before it can tell whether the server took the message
        assertThat(inTransaction(() -> repository.claim(id, clock.instant()))).isTrue();

        delivery.sendDue();
        assertThat(mails().get(0).state()).isEqualTo(MailState.SENDING);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        delivery.sendDue();
        clock.advance(Duration.ofHours(1));
        delivery.sendDue();

        assertThat(TestMail.to(address)).isEmpty();
        assertThat(mails()).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(MailState.FAILED);
            assertThat(m.lastError()).isEqualTo(MailDelivery.OUTCOME_UNKNOWN);
        });
    }

    @Test
    void twoSendersAtOnceSendEachMessageOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            addresses.add(address("race" + i));
            write("k" + i, "Policy " + i, addresses.get(i), "Subject " + i, "Body");
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                rounds.add(pool.submit(() -> {
                    start.await();
                    return delivery.sendDue();
                }));
            }
            start.countDown();
            for (Future<Integer> round : rounds) {
                round.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (String address : addresses) {
            assertThat(TestMail.to(address)).as(address).hasSize(1);
        }
        assertThat(mails()).hasSize(6).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(MailState.SENT);
            assertThat(m.attempts()).isEqualTo(1);
        });
    }

    @Test
    void onlyTheTenantsAdminsSeeItsOutbox() {
        write("k1", "Policy", address("mine"), "Subject", "Body");
        Tenant other = tenancy.createTenant("other-" + run, "Other " + run);

        assertThat(outbox.forTenant(new Actor(other.id(), "admin", Set.of(Role.TENANT_ADMIN), null))).isEmpty();
        assertThat(outbox.forTenant(new Actor(tenant.id(), "ada", Set.of(Role.TENANT_ADMIN), null))).hasSize(1);
        assertThatThrownBy(() -> outbox.forTenant(new Actor(tenant.id(), "viewer", Set.of(Role.VIEWER), null)))
                .isInstanceOf(NotPermitted.class);
        assertThat(outbox.deliveryConfigured()).isTrue();
        assertThat(outbox.link("/peerings/1")).isEqualTo("https://peerdesk.test/peerings/1");
    }

    private String address(String who) {
        return who + "-" + run + "@contacts.test";
    }

    private boolean write(String key, String name, String address, String subject, String body) {
        return inTransaction(() -> outbox.write(tenant.id(), new MailMessage(key + "-" + run, name, address, subject, body,
                "/peerings/1")));
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(s -> work.get());
    }

    private List<OutboundMail> mails() {
        return outbox.forTenant(admin);
    }
}

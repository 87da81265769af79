package io.peerdesk.domain.notification;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.NotFound;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.Tenancy;
import io.peerdesk.domain.tenancy.Tenant;
import io.peerdesk.domaintest.DomainTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = DomainTestApplication.class)
@Transactional
class NotificationsTests {

    @Autowired Notifications notifications;
    @Autowired Tenancy tenancy;

    Actor arthur;
    Actor anna;
    Actor alice;
    Actor gina;
    Tenant acme;

    @BeforeEach
    void members() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        acme = tenancy.createTenant("acme-" + run, "Acme " + run);
        Tenant globex = tenancy.createTenant("globex-" + run, "Globex " + run);
        arthur = new Actor(acme.id(), "arthur", Set.of(Role.APPROVER), null);
        anna = new Actor(acme.id(), "anna", Set.of(Role.APPROVER, Role.VIEWER), null);
        alice = new Actor(acme.id(), "alice", Set.of(Role.REQUESTER), null);
        gina = new Actor(globex.id(), "gina", Set.of(Role.APPROVER), null);
    }

    @Test
    void aRoleNotificationReachesEveryHolderAndEachReadsItOnItsOwn() {
        notifications.notifyRole(acme.id(), Role.APPROVER, "A request awaits your decision", "/peerings/1");

        assertThat(notifications.forActor(arthur, true)).extracting(Notification::message)
                .containsExactly("A request awaits your decision");
        assertThat(notifications.unreadCount(anna)).isEqualTo(1);
        assertThat(notifications.forActor(alice, false)).isEmpty();
        assertThat(notifications.forActor(gina, false)).isEmpty();

        notifications.markRead(arthur, notifications.forActor(arthur, true).get(0).id());

        assertThat(notifications.forActor(arthur, true)).isEmpty();
        assertThat(notifications.forActor(arthur, false)).singleElement().satisfies(n -> assertThat(n.read()).isTrue());
        assertThat(notifications.unreadCount(anna)).isEqualTo(1);
    }

    @Test
    void aMemberNotificationReachesThatMemberOnly() {
        notifications.notifyMember(acme.id(), "alice", "Your request was approved", "/peerings/2");

        assertThat(notifications.forActor(alice, true)).extracting(Notification::link).containsExactly("/peerings/2");
        assertThat(notifications.forActor(arthur, false)).isEmpty();
        UUID id = notifications.forActor(alice, true).get(0).id();
        assertThatThrownBy(() -> notifications.markRead(arthur, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> notifications.markRead(gina, id)).isInstanceOf(NotFound.class);
        notifications.markAllRead(alice);
        assertThat(notifications.unreadCount(alice)).isZero();
    }
}

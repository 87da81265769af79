package io.peerdesk.domain.notification;

import io.peerdesk.domain.support.OnPostgres;

/** The same tests on PostgreSQL. */
@OnPostgres
class NotificationsPostgresTests extends NotificationsTests {
}

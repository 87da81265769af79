package io.peerdesk.domain.mail;

import io.peerdesk.domain.support.OnPostgres;

/** The same tests on PostgreSQL. */
@OnPostgres
class OutboxPostgresTests extends OutboxTests {
}

package io.peerdesk.domain.peering;

import io.peerdesk.domain.support.OnPostgres;

/** The same tests on PostgreSQL. */
@OnPostgres
class PolicyReminderPostgresTests extends PolicyReminderTests {
}

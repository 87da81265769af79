package io.peerdesk.domain.inventory;

import io.peerdesk.domain.support.OnPostgres;

/** The same cloud-account tests on PostgreSQL. */
@OnPostgres
class CloudAccountsPostgresTests extends CloudAccountsTests {
}

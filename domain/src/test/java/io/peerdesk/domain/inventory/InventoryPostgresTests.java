package io.peerdesk.domain.inventory;

import io.peerdesk.domain.support.OnPostgres;

/** The same inventory tests (sync, search, paging, failures) on PostgreSQL. */
@OnPostgres
class InventoryPostgresTests extends InventoryTests {
}

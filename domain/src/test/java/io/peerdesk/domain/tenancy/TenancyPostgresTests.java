package io.peerdesk.domain.tenancy;

import io.peerdesk.domain.support.OnPostgres;

/** The same tenancy tests on PostgreSQL. */
@OnPostgres
class TenancyPostgresTests extends TenancyTests {
}

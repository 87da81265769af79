package io.peerdesk.domain.contract;

import io.peerdesk.domain.support.OnPostgres;

/** The same contract tests on PostgreSQL. */
@OnPostgres
class ContractPostgresTests extends ContractTests {
}

package io.peerdesk.workflow.peering;

import io.peerdesk.domain.support.OnPostgres;

/** The same tests with the engine on PostgreSQL. */
@OnPostgres
class TaskDecisionPostgresTests extends TaskDecisionTests {
}

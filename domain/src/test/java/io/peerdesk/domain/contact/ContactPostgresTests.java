package io.peerdesk.domain.contact;

import io.peerdesk.domain.support.OnPostgres;

/** The same contact tests on PostgreSQL. */
@OnPostgres
class ContactPostgresTests extends ContactTests {
}

package io.peerdesk.domain.contact;

/** A contact is a named person or a team (a shared mailbox, an on-call rota). */
public enum ContactKind {
    PERSON, TEAM
}

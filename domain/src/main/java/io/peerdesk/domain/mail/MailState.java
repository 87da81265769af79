package io.peerdesk.domain.mail;

/** Where an outbound message is: waiting for its next attempt, being sent by one portal node, sent, or given up. */
public enum MailState {
    PENDING, SENDING, SENT, FAILED
}

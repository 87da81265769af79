package io.peerdesk.domain.support;

/** The request is valid but clashes with the current state (a duplicate, a decision already made, a last contact). */
public class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }
}

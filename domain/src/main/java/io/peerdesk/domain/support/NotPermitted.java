package io.peerdesk.domain.support;

/** The actor's roles do not allow this action on an object of its own tenant. */
public class NotPermitted extends DomainException {

    public NotPermitted(String message) {
        super(message);
    }
}

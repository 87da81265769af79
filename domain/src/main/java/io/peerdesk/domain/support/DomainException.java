package io.peerdesk.domain.support;

/** An expected refusal with a message meant for the person who asked (shown as a toast or problem detail). */
public class DomainException extends RuntimeException {

    public DomainException(String message) {
        super(message);
    }
}

package io.peerdesk.domain.support;

/**
 * The object does not exist for this tenant. Also what another tenant's object looks like: never
 * a refusal that would confirm it exists.
 */
public class NotFound extends DomainException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}

package io.peerdesk.domain.peering;

import io.peerdesk.domain.support.DomainException;

/** A workflow step failed for a reason retrying cannot fix (the cloud refused, drift found, validation no longer holds). */
public class PeeringStepFailed extends DomainException {

    public PeeringStepFailed(String message) {
        super(message);
    }
}

package io.peerdesk.domain.peering;

import io.peerdesk.domain.support.DomainException;

/**
 * A workflow step failed for a reason retrying cannot fix (the cloud refused, drift found, validation
 * no longer holds). {@link #code()} is the cloud's error code when the cloud refused (e.g.
 * {@code RouteAlreadyExists}), else the portal's: {@value #DRIFT}, {@value #INVALID}, {@value #STATE}.
 */
public class PeeringStepFailed extends DomainException {

    public static final String DRIFT = "Drift";
    public static final String INVALID = "NoLongerValid";
    public static final String STATE = "WrongState";

    private final String code;

    public PeeringStepFailed(String message) {
        this(STATE, message);
    }

    public PeeringStepFailed(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package io.peerdesk.domain.cloud;

import io.peerdesk.domain.support.DomainException;

/**
 * The cloud could not do what was asked: the endpoint is unreachable or slow, it refused the
 * credentials, or it refused the call. {@link #code()} is the cloud's own error code (e.g.
 * {@code AuthFailure}) or {@code Unreachable} / {@code Timeout} when no answer came; the message
 * says in plain words what happened.
 */
public class CloudFailure extends DomainException {

    public static final String UNREACHABLE = "Unreachable";
    public static final String TIMEOUT = "Timeout";

    private final String code;
    private final boolean retryable;

    public CloudFailure(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    /** Whether the same call may succeed later without anything changed (outage, throttling). */
    public boolean retryable() {
        return retryable;
    }
}

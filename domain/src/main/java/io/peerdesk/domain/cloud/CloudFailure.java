package io.peerdesk.domain.cloud;

import io.peerdesk.domain.support.DomainException;

/**
 * The cloud could not do what was asked: the endpoint is unreachable or slow, it refused the
 * credentials, or it refused the call. {@link #code()} is the cloud's own error code (e.g.
 * {@code AuthFailure}) or {@code Unreachable} / {@code Timeout} when no answer came; the message
 * says in plain words what happened. {@link #unavailable()} tells the cloud being out of reach
 * (worth waiting for, however long it lasts) from the cloud answering with a refusal.
 */
public class CloudFailure extends DomainException {

    public static final String UNREACHABLE = "Unreachable";
    public static final String TIMEOUT = "Timeout";

    private final String code;
    private final boolean retryable;
    private final boolean unavailable;

    /** The cloud answered and refused ({@code retryable}: a later try may succeed, e.g. a connection still provisioning). */
    public CloudFailure(String code, String message, boolean retryable) {
        this(code, message, retryable, false);
    }

    private CloudFailure(String code, String message, boolean retryable, boolean unavailable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
        this.unavailable = unavailable;
    }

    /**
     * The cloud could not be reached or could not serve the call: no connection, no answer in time,
     * throttled, or a server error. Retryable; nothing about the call itself was refused.
     */
    public static CloudFailure unavailable(String code, String message) {
        return new CloudFailure(code, message, true, true);
    }

    public String code() {
        return code;
    }

    /** Whether the same call may succeed later without anything changed (outage, throttling). */
    public boolean retryable() {
        return retryable;
    }

    /** Whether the cloud was out of reach or overloaded (see {@link #unavailable(String, String)}) rather than refusing the call. */
    public boolean unavailable() {
        return unavailable;
    }
}

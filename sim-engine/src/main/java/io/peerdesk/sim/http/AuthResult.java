package io.peerdesk.sim.http;

import io.peerdesk.sim.cloud.Caller;

import java.util.Objects;

/**
 * What an {@link Authenticator} decided about one request: either the {@link Caller} it acts for, or
 * an AWS-style error that the endpoint sends back as the EC2 XML error envelope without dispatching
 * the request.
 */
public sealed interface AuthResult permits AuthResult.Authenticated, AuthResult.Rejected {

    /** The request is authentic (or, in open mode, attributed) and runs as {@code caller}. */
    record Authenticated(Caller caller) implements AuthResult {
        public Authenticated {
            Objects.requireNonNull(caller, "caller");
        }
    }

    /**
     * The request is refused.
     *
     * @param status  the HTTP status to answer with (400, 401 or 403)
     * @param code    the AWS error code, e.g. {@code SignatureDoesNotMatch}
     * @param message the AWS-style human-readable message; never contains secrets
     */
    record Rejected(int status, String code, String message) implements AuthResult {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}

package io.peerdesk.sim.http;

import io.peerdesk.sim.http.AuthResult.Rejected;

/** The authentication failures, spelled as EC2 spells them. */
final class AuthErrors {

    static final Rejected MISSING_TOKEN = new Rejected(401, "MissingAuthenticationToken",
            "Request is missing Authentication Token");
    static final Rejected AUTH_FAILURE = new Rejected(401, "AuthFailure",
            "AWS was not able to validate the provided access credentials");
    static final Rejected SIGNATURE_MISMATCH = new Rejected(403, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method.");
    static final Rejected EXPIRED = new Rejected(400, "RequestExpired", "Request has expired.");

    private AuthErrors() {
    }

    static Rejected incomplete(String message) {
        return new Rejected(400, "IncompleteSignature", message);
    }

    static Rejected mismatch(String message) {
        return new Rejected(403, "SignatureDoesNotMatch", message);
    }

    /** Carries a rejection out of parsing code; no stack trace, it is control flow. */
    static final class AuthRejection extends Exception {
        private final transient Rejected rejected;

        AuthRejection(Rejected rejected) {
            super(rejected.code() + ": " + rejected.message(), null, false, false);
            this.rejected = rejected;
        }

        Rejected rejected() {
            return rejected;
        }
    }
}

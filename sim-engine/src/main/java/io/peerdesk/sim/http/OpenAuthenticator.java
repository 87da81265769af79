package io.peerdesk.sim.http;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.http.AuthErrors.AuthRejection;

/** Attributes requests to accounts without checking signatures; see {@link Authenticator#open()}. */
final class OpenAuthenticator implements Authenticator {

    private final String defaultAccount;
    private final Caller unsigned;

    OpenAuthenticator(String defaultAccount, String defaultRegion) {
        // Built eagerly so a bad default fails at start-up, not on the first request.
        this.unsigned = new Caller(defaultAccount, defaultRegion);
        this.defaultAccount = defaultAccount;
    }

    @Override
    public AuthResult authenticate(AuthRequest request) {
        SigV4Auth auth;
        try {
            auth = SigV4Auth.parse(request);
        } catch (AuthRejection e) {
            return e.rejected();
        }
        if (auth == null) {
            return new AuthResult.Authenticated(unsigned);
        }
        String account = Caller.isAccountId(auth.accessKeyId()) ? auth.accessKeyId() : defaultAccount;
        return new AuthResult.Authenticated(new Caller(account, auth.region()));
    }

    @Override
    public String toString() {
        return "OpenAuthenticator[defaultAccount=" + defaultAccount + ", defaultRegion=" + unsigned.region() + "]";
    }
}

package io.peerdesk.web.support.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A bearer-token decoder that parses a token and checks its signature once: an API client sends the
 * same token with every call until it expires, and parsing it and checking its RSA signature again
 * each time was a tenth of what an API call cost. Every call still runs {@code everyCall} on the
 * token (its times, and whether its service account was revoked meanwhile), so a kept token is
 * refused the moment it expires or its account is revoked, and then forgotten. At most
 * {@value #KEPT} tokens are kept; beyond that the decoder starts over.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int KEPT = 1_000;

    private final JwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> everyCall;
    private final ConcurrentMap<String, Jwt> verified = new ConcurrentHashMap<>();

    /** {@code verifying} checks the signature (and may validate more); {@code everyCall} runs on each use. */
    VerifiedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> everyCall) {
        this.verifying = verifying;
        this.everyCall = everyCall;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = verifying.decode(token);
            if (verified.size() >= KEPT) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        OAuth2TokenValidatorResult result = everyCall.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            String description = result.getErrors().iterator().next().getDescription();
            // worded as the signature-checking decoder words a refusal
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
                    result.getErrors());
        }
        return jwt;
    }

    int kept() {
        return verified.size();
    }
}

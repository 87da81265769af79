package io.peerdesk.web.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTests {

    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final Set<String> revoked = new HashSet<>();
    private final JwtDecoder verifying = token -> {
        signatureChecks.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: Signed JWT rejected");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token.substring(0, token.indexOf('.')))
                .issuedAt(Instant.now().minusSeconds(10)).expiresAt(Instant.now().plusSeconds(300)).build();
    };
    private final OAuth2TokenValidator<Jwt> everyCall = jwt -> revoked.contains(jwt.getSubject())
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The service account was revoked", null))
            : OAuth2TokenValidatorResult.success();
    private final VerifiedTokens tokens = new VerifiedTokens(verifying, everyCall);

    @Test
    void aTokenSentAgainIsNotParsedAndCheckedAgain() {
        Jwt first = tokens.decode("svc-a.token-1");
        Jwt again = tokens.decode("svc-a.token-1");

        assertThat(again.getSubject()).isEqualTo("svc-a");
        assertThat(again).isSameAs(first);
        assertThat(signatureChecks).hasValue(1);
        tokens.decode("svc-b.token-2");
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aKeptTokenIsRefusedTheMomentItsAccountIsRevokedAndThenForgotten() {
        tokens.decode("svc-a.token-1");
        revoked.add("svc-a");

        assertThatThrownBy(() -> tokens.decode("svc-a.token-1")).isInstanceOf(JwtValidationException.class)
                .hasMessage("An error occurred while attempting to decode the Jwt: The service account was revoked");
        assertThat(tokens.kept()).isZero();
        revoked.clear();
        tokens.decode("svc-a.token-1");
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aTokenWhoseSignatureFailsIsNeverKept() {
        assertThatThrownBy(() -> tokens.decode("forged.token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged.token")).isInstanceOf(BadJwtException.class);

        assertThat(signatureChecks).hasValue(2);
        assertThat(tokens.kept()).isZero();
    }

    @Test
    void keepsAtMostItsLimitOfTokens() {
        for (int i = 0; i <= VerifiedTokens.KEPT; i++) {
            tokens.decode("svc-" + i + ".token");
        }
        assertThat(tokens.kept()).isLessThanOrEqualTo(VerifiedTokens.KEPT);
    }
}

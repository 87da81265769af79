package io.peerdesk.sim.http;

import io.peerdesk.sim.cloud.Caller;
import io.peerdesk.sim.http.AuthErrors.AuthRejection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Verifies every SigV4 signature against known keys; see {@link Authenticator#strict(Collection)}. */
final class StrictAuthenticator implements Authenticator {

    private static final System.Logger LOG = System.getLogger(StrictAuthenticator.class.getName());
    static final String SERVICE = "ec2";
    static final String TERMINATOR = "aws4_request";
    /** AWS's allowance for clock skew between client and server. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private final Map<String, AccessKey> keys;
    private final Clock clock;
    private final SigV4Signer signer = new SigV4Signer();

    StrictAuthenticator(Collection<AccessKey> keys, Clock clock) {
        Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("strict authentication needs at least one access key");
        }
        Map<String, AccessKey> byId = new HashMap<>();
        for (AccessKey key : keys) {
            if (byId.putIfAbsent(key.accessKeyId(), key) != null) {
                throw new IllegalArgumentException("duplicate accessKeyId: " + key.accessKeyId());
            }
        }
        this.keys = Map.copyOf(byId);
    }

    @Override
    public AuthResult authenticate(AuthRequest request) {
        try {
            return new AuthResult.Authenticated(verify(request));
        } catch (AuthRejection e) {
            LOG.log(System.Logger.Level.DEBUG, "refused {0} request: {1}", request.method(), e.getMessage());
            return e.rejected();
        }
    }

    private Caller verify(AuthRequest request) throws AuthRejection {
        SigV4Auth auth = SigV4Auth.parse(request);
        if (auth == null) {
            throw new AuthRejection(AuthErrors.MISSING_TOKEN);
        }
        Instant signedAt = signedAt(auth);
        checkScope(auth);
        if (!auth.signedHeaders().contains("host")) {
            throw new AuthRejection(AuthErrors.incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization."));
        }
        AccessKey key = keys.get(auth.accessKeyId());
        if (key == null) {
            throw new AuthRejection(AuthErrors.AUTH_FAILURE);
        }
        checkFreshness(auth, signedAt);

        String canonical = SigV4Signer.canonicalRequest(request, auth, payloadHash(request));
        if (canonical == null) {
            throw new AuthRejection(AuthErrors.incomplete("A header listed in SignedHeaders is not in the request: "
                    + String.join(";", auth.signedHeaders())));
        }
        String expected = signer.signature(key.secretAccessKey(), auth, canonical);
        // Constant time, so response timing does not reveal how much of a forged signature was right.
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            LOG.log(System.Logger.Level.DEBUG, "signature mismatch for {0}; canonical request was:\n{1}",
                    auth.accessKeyId(), canonical);
            throw new AuthRejection(AuthErrors.SIGNATURE_MISMATCH);
        }
        return new Caller(key.accountId(), auth.region());
    }

    private static Instant signedAt(SigV4Auth auth) throws AuthRejection {
        if (auth.amzDate() == null) {
            throw new AuthRejection(AuthErrors.incomplete(
                    "Authorization header requires existence of a 'X-Amz-Date' header."));
        }
        try {
            return LocalDateTime.parse(auth.amzDate(), AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new AuthRejection(AuthErrors.incomplete("X-Amz-Date must be in the ISO 8601 basic format "
                    + "yyyyMMdd'T'HHmmss'Z', got '" + auth.amzDate() + "'"));
        }
    }

    private static void checkScope(SigV4Auth auth) throws AuthRejection {
        String day = auth.amzDate().substring(0, 8);
        if (!auth.scopeDate().equals(day)) {
            throw new AuthRejection(AuthErrors.mismatch("Date in Credential scope does not match YYYYMMDD from "
                    + "ISO-8601 version of date from HTTP: '" + auth.scopeDate() + "' != '" + day
                    + "', from 'X-Amz-Date'."));
        }
        if (!SERVICE.equals(auth.service())) {
            throw new AuthRejection(AuthErrors.mismatch("Credential should be scoped to correct service: '"
                    + SERVICE + "'."));
        }
        if (!TERMINATOR.equals(auth.terminator())) {
            throw new AuthRejection(AuthErrors.mismatch("Credential should be scoped with a valid terminator: '"
                    + TERMINATOR + "', not '" + auth.terminator() + "'."));
        }
    }

    private void checkFreshness(SigV4Auth auth, Instant signedAt) throws AuthRejection {
        Instant now = clock.instant();
        Instant notBefore = signedAt.minus(MAX_SKEW);
        // A presigned URL lives for X-Amz-Expires; a signed header request for the skew allowance.
        Instant notAfter = auth.expiresSeconds() != null
                ? signedAt.plusSeconds(auth.expiresSeconds())
                : signedAt.plus(MAX_SKEW);
        if (now.isBefore(notBefore) || now.isAfter(notAfter)) {
            throw new AuthRejection(AuthErrors.EXPIRED);
        }
    }

    /**
     * The body's SHA-256. A client may state it in {@code x-amz-content-sha256}; EC2 has no unsigned
     * payloads, so a stated hash (including {@code UNSIGNED-PAYLOAD}) must match the body actually
     * received, otherwise the body could be swapped under a valid signature.
     */
    private static String payloadHash(AuthRequest request) throws AuthRejection {
        String actual = SigV4Signer.sha256Hex(request.body());
        String stated = request.header("x-amz-content-sha256");
        if (stated != null && !stated.trim().equalsIgnoreCase(actual)) {
            throw new AuthRejection(AuthErrors.mismatch(
                    "The provided 'x-amz-content-sha256' header does not match what was computed."));
        }
        return stated == null ? actual : stated.trim();
    }

    @Override
    public String toString() {
        return "StrictAuthenticator[" + keys.size() + " access keys]";
    }
}

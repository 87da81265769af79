package io.peerdesk.sim.http;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;

/**
 * Decides which {@link io.peerdesk.sim.cloud.Caller} an EC2 request runs as, from its AWS Signature
 * Version 4 ({@code Authorization: AWS4-HMAC-SHA256 …} header, or presigned {@code X-Amz-*} query
 * parameters). The region is always the credential scope's region.
 *
 * <p>Two modes:
 * <ul>
 *   <li><b>open</b> — signatures are not checked. A 12-digit access key id is taken as the account id;
 *       any other key id maps to a default account ({@code 000000000000} unless given), the LocalStack
 *       convention. A request with no SigV4 at all runs as the default account in the default region
 *       ({@code us-east-1}), so plain {@code curl} works. A SigV4 header that is present but cannot
 *       be parsed is still refused with {@code IncompleteSignature}.</li>
 *   <li><b>strict</b> — every request must carry a SigV4 signature by a known access key, made within
 *       15 minutes of the server clock, scoped to service {@code ec2}, and the signature is fully
 *       recomputed from the method, path, query, signed headers and a SHA-256 of the body.</li>
 * </ul>
 *
 * <p>Implementations are thread-safe and never throw for a bad request: they answer
 * {@link AuthResult.Rejected} instead.
 */
public interface Authenticator {

    /** The account open mode uses for non-numeric access keys and unsigned requests. */
    String DEFAULT_ACCOUNT = "000000000000";

    /** The region open mode uses for unsigned requests. */
    String DEFAULT_REGION = "us-east-1";

    /** Authenticates one fully read request. Must not throw for client errors. */
    AuthResult authenticate(AuthRequest request);

    /** Open mode with default account {@value #DEFAULT_ACCOUNT} and region {@value #DEFAULT_REGION}. */
    static Authenticator open() {
        return open(DEFAULT_ACCOUNT, DEFAULT_REGION);
    }

    /** Open mode mapping non-numeric access keys and unsigned requests to {@code defaultAccount}. */
    static Authenticator open(String defaultAccount) {
        return open(defaultAccount, DEFAULT_REGION);
    }

    /**
     * Open mode with both defaults given.
     *
     * @throws IllegalArgumentException if {@code defaultAccount} is not 12 digits or the region is blank
     */
    static Authenticator open(String defaultAccount, String defaultRegion) {
        return new OpenAuthenticator(defaultAccount, defaultRegion);
    }

    /**
     * Strict mode with the keys of a YAML or JSON credentials file (JSON when the name ends in
     * {@code .json}), on the system UTC clock. Format:
     * <pre>
     * credentials:
     *   - accessKeyId: AKIAEXAMPLE1
     *     secretAccessKey: s3cr3t
     *     accountId: "111111111111"
     * </pre>
     *
     * @throws IllegalArgumentException if the file is missing, unreadable, malformed, empty, has unknown
     *                                  fields, duplicate key ids or an account id that is not 12 digits
     */
    static Authenticator strict(Path credentialsFile) {
        return strict(credentialsFile, Clock.systemUTC());
    }

    /** As {@link #strict(Path)}, judging request freshness by {@code clock}. */
    static Authenticator strict(Path credentialsFile, Clock clock) {
        return strict(CredentialsFile.load(credentialsFile), clock);
    }

    /**
     * Strict mode with the given keys, on the system UTC clock.
     *
     * @throws IllegalArgumentException if there are no keys or two share an access key id
     */
    static Authenticator strict(Collection<AccessKey> keys) {
        return strict(keys, Clock.systemUTC());
    }

    /** As {@link #strict(Collection)}, judging request freshness by {@code clock}. */
    static Authenticator strict(Collection<AccessKey> keys, Clock clock) {
        return new StrictAuthenticator(keys, clock);
    }
}

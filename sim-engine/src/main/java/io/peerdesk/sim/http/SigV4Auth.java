package io.peerdesk.sim.http;

import io.peerdesk.sim.http.AuthErrors.AuthRejection;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SigV4 fields of one request, from either the {@code Authorization} header or presigned
 * {@code X-Amz-*} query parameters. Parsing checks shape only; whether the values are acceptable is
 * the authenticator's call.
 *
 * @param amzDate        the {@code X-Amz-Date} value, or {@code null} when the request has none
 * @param expiresSeconds presigned requests' {@code X-Amz-Expires}, or {@code null}
 * @param queryPairs     the decoded query string, which the canonical request needs
 */
record SigV4Auth(String accessKeyId, String scopeDate, String region, String service, String terminator,
                 List<String> signedHeaders, String signature, String amzDate, Long expiresSeconds,
                 boolean presigned, List<Map.Entry<String, String>> queryPairs) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final long MAX_PRESIGN_SECONDS = 604_800;
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** The credential scope, {@code date/region/service/terminator}, as the string to sign has it. */
    String scope() {
        return scopeDate + '/' + region + '/' + service + '/' + terminator;
    }

    /** The request's SigV4 fields, or {@code null} when it carries no SigV4 at all. */
    static SigV4Auth parse(AuthRequest request) throws AuthRejection {
        List<Map.Entry<String, String>> query;
        try {
            query = FormDecoder.decode(request.rawQuery());
        } catch (FormDecoder.MalformedFormException e) {
            throw new AuthRejection(AuthErrors.incomplete("The query string is not validly encoded: " + e.getMessage()));
        }
        Map<String, String> amzQuery = new HashMap<>();
        for (Map.Entry<String, String> pair : query) {
            if (pair.getKey().regionMatches(true, 0, "X-Amz-", 0, 6)) {
                amzQuery.put(pair.getKey().toLowerCase(Locale.ROOT), pair.getValue());
            }
        }
        String authorization = request.header("Authorization");
        boolean presigned = amzQuery.containsKey("x-amz-algorithm") || amzQuery.containsKey("x-amz-credential")
                || amzQuery.containsKey("x-amz-signature");
        if (authorization != null && presigned) {
            throw new AuthRejection(AuthErrors.incomplete("Only one auth mechanism allowed; only the X-Amz-Algorithm "
                    + "query parameter or the Authorization header should be specified"));
        }
        if (presigned) {
            return fromQuery(amzQuery, query);
        }
        if (authorization != null) {
            return fromHeader(authorization, request.header("X-Amz-Date"), query);
        }
        return null;
    }

    private static SigV4Auth fromHeader(String authorization, String amzDate,
                                        List<Map.Entry<String, String>> query) throws AuthRejection {
        String header = authorization.trim();
        int space = header.indexOf(' ');
        String algorithm = space < 0 ? header : header.substring(0, space);
        if (!ALGORITHM.equals(algorithm)) {
            throw new AuthRejection(AuthErrors.incomplete("Unsupported AWS 'algorithm': '" + algorithm
                    + "'. Only " + ALGORITHM + " is supported"));
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : header.substring(space + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            if (fields.getOrDefault(required, "").isEmpty()) {
                missing.append("Authorization header requires '").append(required).append("' parameter. ");
            }
        }
        if (missing.length() > 0) {
            throw new AuthRejection(AuthErrors.incomplete(missing.toString().trim()));
        }
        return build(fields.get("Credential"), fields.get("SignedHeaders"), fields.get("Signature"),
                amzDate, null, false, query);
    }

    private static SigV4Auth fromQuery(Map<String, String> amz, List<Map.Entry<String, String>> query)
            throws AuthRejection {
        String algorithm = amz.get("x-amz-algorithm");
        if (!ALGORITHM.equals(algorithm)) {
            throw new AuthRejection(AuthErrors.incomplete("Unsupported AWS 'algorithm': '" + algorithm
                    + "'. Only " + ALGORITHM + " is supported"));
        }
        StringBuilder missing = new StringBuilder();
        for (String required : List.of("X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date")) {
            if (amz.getOrDefault(required.toLowerCase(Locale.ROOT), "").isEmpty()) {
                missing.append("AWS query-string parameters must include '").append(required).append("'. ");
            }
        }
        if (missing.length() > 0) {
            throw new AuthRejection(AuthErrors.incomplete(missing.toString().trim()));
        }
        Long expires = null;
        String rawExpires = amz.get("x-amz-expires");
        if (rawExpires != null) {
            try {
                expires = Long.parseLong(rawExpires);
            } catch (NumberFormatException e) {
                expires = -1L;
            }
            if (expires < 1 || expires > MAX_PRESIGN_SECONDS) {
                throw new AuthRejection(AuthErrors.incomplete("X-Amz-Expires must be between 1 and "
                        + MAX_PRESIGN_SECONDS + " seconds, got '" + rawExpires + "'"));
            }
        }
        return build(amz.get("x-amz-credential"), amz.get("x-amz-signedheaders"), amz.get("x-amz-signature"),
                amz.get("x-amz-date"), expires, true, query);
    }

    private static SigV4Auth build(String credential, String signedHeaders, String signature, String amzDate,
                                   Long expires, boolean presigned, List<Map.Entry<String, String>> query)
            throws AuthRejection {
        // The key id is everything before the last four elements, should a key id ever hold a '/'.
        String[] parts = credential.split("/", -1);
        if (parts.length < 5 || parts[0].isEmpty() || Arrays.stream(parts).skip(parts.length - 4L).anyMatch(String::isEmpty)) {
            throw new AuthRejection(AuthErrors.incomplete("Credential must have exactly 5 slash-delimited elements, "
                    + "e.g. keyid/date/region/service/term, got '" + credential + "'"));
        }
        int n = parts.length;
        if (!REGION.matcher(parts[n - 3]).matches()) {
            throw new AuthRejection(AuthErrors.incomplete("Credential should be scoped to a valid region, not '"
                    + parts[n - 3] + "'."));
        }
        String keyId = String.join("/", Arrays.copyOfRange(parts, 0, n - 4));
        List<String> headers = Arrays.stream(signedHeaders.split(";"))
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .toList();
        if (headers.stream().anyMatch(String::isEmpty)) {
            throw new AuthRejection(AuthErrors.incomplete("SignedHeaders is malformed: '" + signedHeaders + "'"));
        }
        return new SigV4Auth(keyId, parts[n - 4], parts[n - 3], parts[n - 2], parts[n - 1], headers,
                signature.trim(), amzDate == null ? null : amzDate.trim(), expires, presigned, query);
    }
}

package io.peerdesk.sim.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Minimal AWS Signature Version 4 signer for EC2 Query API POSTs, producing exactly what
 * botocore's {@code SigV4Auth} produces for an EC2 call: signed headers
 * {@code content-type;host;x-amz-date}, empty canonical query string, hex SHA-256 of the form body
 * as payload hash, credential scope {@code <yyyyMMdd>/<region>/<service>/aws4_request}.
 *
 * <p>Not thread-safe (it reuses one {@link Mac} and one {@link MessageDigest}); use one per worker.
 * The derived signing key is cached per UTC date.
 */
public final class SigV4 {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String SIGNED_HEADERS = "content-type;host;x-amz-date";

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;
    private final Mac mac;
    private final MessageDigest sha256;

    private String cachedDate;
    private byte[] cachedKey;

    /** The headers to add to the request: {@code X-Amz-Date} and {@code Authorization}. */
    public record Signed(String amzDate, String authorization) {
    }

    public SigV4(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs a POST.
     *
     * @param hostHeader  the Host header value as the HTTP client will send it: {@code host} or
     *                    {@code host:port} when the port is not the scheme's default
     * @param path        the request path ({@code /} for EC2)
     * @param contentType the Content-Type header value, byte for byte as sent
     * @param body        the request body, byte for byte as sent
     * @param now         the signing time
     */
    public Signed signPost(String hostHeader, String path, String contentType, byte[] body, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        String canonicalRequest = "POST\n"
                + path + "\n"
                + "\n" // canonical query string: empty
                + "content-type:" + trimAll(contentType) + "\n"
                + "host:" + trimAll(hostHeader) + "\n"
                + "x-amz-date:" + amzDate + "\n"
                + "\n"
                + SIGNED_HEADERS + "\n"
                + hex(sha256(body));
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        String signature = hex(hmac(signingKey(date), stringToSign));
        String authorization = ALGORITHM + " Credential=" + accessKey + "/" + scope
                + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature;
        return new Signed(amzDate, authorization);
    }

    private byte[] signingKey(String date) {
        if (!date.equals(cachedDate)) {
            byte[] k = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
            k = hmac(k, region);
            k = hmac(k, service);
            cachedKey = hmac(k, "aws4_request");
            cachedDate = date;
        }
        return cachedKey;
    }

    private byte[] hmac(byte[] key, String data) {
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] sha256(byte[] data) {
        return sha256.digest(data);
    }

    /** SigV4 header value canonicalisation: trim, collapse runs of spaces to one. */
    static String trimAll(String value) {
        String t = value.trim();
        if (t.indexOf("  ") < 0) {
            return t;
        }
        return t.replaceAll(" +", " ");
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}

package io.peerdesk.sim.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of Signature Version 4: rebuilds the canonical request and the signature a client
 * must have computed. Follows the rules for services other than S3 (the ones botocore and the AWS SDK
 * for Java v2 apply to EC2): the path is URI-encoded a second time, query parameters are decoded,
 * re-encoded per RFC 3986 and sorted, header values are trimmed with inner runs of spaces collapsed.
 */
final class SigV4Signer {

    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_CACHED_KEYS = 4096;

    /** Signing keys live for a day per scope; caching them saves four HMACs per request. */
    private final Map<String, byte[]> signingKeys = new ConcurrentHashMap<>();

    /** The lower-case hex signature for a request, given its secret and parsed SigV4 fields. */
    String signature(String secret, SigV4Auth auth, String canonicalRequest) {
        String stringToSign = stringToSign(auth.amzDate(), auth.scope(), canonicalRequest);
        return HEX.formatHex(hmac(signingKey(secret, auth), stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return SigV4Auth.ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] signingKey(String secret, SigV4Auth auth) {
        // The secret is part of the cache key so a rotated secret never meets a stale key.
        String cacheKey = auth.accessKeyId() + '\n' + auth.scope() + '\n' + sha256Hex(secret.getBytes(StandardCharsets.UTF_8));
        byte[] key = signingKeys.get(cacheKey);
        if (key == null) {
            key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), bytes(auth.scopeDate()));
            key = hmac(key, bytes(auth.region()));
            key = hmac(key, bytes(auth.service()));
            key = hmac(key, bytes(auth.terminator()));
            if (signingKeys.size() >= MAX_CACHED_KEYS) {
                signingKeys.clear();
            }
            signingKeys.put(cacheKey, key);
        }
        return key;
    }

    /**
     * The canonical request, or {@code null} if a header the client says it signed is not in the
     * request (such a signature can never be reproduced).
     */
    static String canonicalRequest(AuthRequest request, SigV4Auth auth, String payloadHash) {
        StringBuilder out = new StringBuilder(256);
        out.append(request.method()).append('\n');
        out.append(canonicalUri(request.rawPath())).append('\n');
        out.append(canonicalQuery(auth.queryPairs(), auth.presigned())).append('\n');
        for (String name : auth.signedHeaders()) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                return null;
            }
            out.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendCollapsed(out, values.get(i).trim());
            }
            out.append('\n');
        }
        out.append('\n').append(String.join(";", auth.signedHeaders())).append('\n');
        out.append(payloadHash);
        return out.toString();
    }

    private static void appendCollapsed(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' || i == 0 || value.charAt(i - 1) != ' ') {
                out.append(c);
            }
        }
    }

    /** The path as sent, encoded once more: non-S3 services sign a doubly encoded path. */
    static String canonicalUri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 8);
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(uriEncode(segments[i]));
        }
        return out.toString();
    }

    static String canonicalQuery(List<Map.Entry<String, String>> pairs, boolean presigned) {
        List<String[]> encoded = new ArrayList<>(pairs.size());
        for (Map.Entry<String, String> pair : pairs) {
            if (presigned && pair.getKey().equals("X-Amz-Signature")) {
                continue;
            }
            encoded.add(new String[] {uriEncode(pair.getKey()), uriEncode(pair.getValue())});
        }
        encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : encoded) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /** RFC 3986 encoding of UTF-8 bytes: unreserved characters stay, everything else is {@code %XX}. */
    static String uriEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

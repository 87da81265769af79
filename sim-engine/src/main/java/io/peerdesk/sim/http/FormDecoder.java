package io.peerdesk.sim.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} bytes (a POST body or a query string) into
 * name/value pairs, strictly: a broken {@code %} escape or bytes that are not UTF-8 are an error,
 * because guessing would let two readers of one request (signature check, dispatcher) disagree.
 */
final class FormDecoder {

    /** A form that cannot be decoded; the message says where. */
    static final class MalformedFormException extends Exception {
        MalformedFormException(String message) {
            super(message, null, false, false);
        }
    }

    private FormDecoder() {
    }

    /** Pairs in order of appearance, duplicates kept; empty segments ({@code a=1&&b=2}) skipped. */
    static List<Map.Entry<String, String>> decode(byte[] form) throws MalformedFormException {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        int start = 0;
        while (start <= form.length) {
            int end = indexOf(form, (byte) '&', start, form.length);
            if (end > start) {
                int eq = indexOf(form, (byte) '=', start, end);
                String name = decode(form, start, eq);
                String value = eq < end ? decode(form, eq + 1, end) : "";
                pairs.add(Map.entry(name, value));
            }
            start = end + 1;
        }
        return pairs;
    }

    static List<Map.Entry<String, String>> decode(String form) throws MalformedFormException {
        return decode(form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, byte target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return to;
    }

    private static String decode(byte[] form, int from, int to) throws MalformedFormException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = form[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                int hi = i + 2 < to ? Character.digit(form[i + 1], 16) : -1;
                int lo = hi >= 0 ? Character.digit(form[i + 2], 16) : -1;
                if (lo < 0) {
                    throw new MalformedFormException("invalid percent-encoding at byte " + i);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFormException("invalid UTF-8 in parameter at byte " + from);
        }
    }
}

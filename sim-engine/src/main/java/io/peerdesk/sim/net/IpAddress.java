package io.peerdesk.sim.net;

/**
 * An IPv4 or IPv6 address as a 128-bit value ({@code hi}, {@code lo}); IPv4 lives in the low
 * 32 bits of {@code lo}. Parsing is strict: no leading zeros in IPv4 octets, no zone ids.
 */
public record IpAddress(boolean v6, long hi, long lo) implements Comparable<IpAddress>, java.io.Serializable {

    public static IpAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : new IpAddress(false, 0, parseV4(text));
    }

    public static IpAddress v4(long value) {
        return new IpAddress(false, 0, value & 0xFFFF_FFFFL);
    }

    public int bits() {
        return v6 ? 128 : 32;
    }

    /** This address plus {@code n} (n may be negative), wrapping within the family's width. */
    public IpAddress plus(long n) {
        if (!v6) {
            return v4(lo + n);
        }
        long newLo = lo + n;
        long carry = n >= 0 ? (Long.compareUnsigned(newLo, lo) < 0 ? 1 : 0)
                : (Long.compareUnsigned(newLo, lo) > 0 ? -1 : 0);
        return new IpAddress(true, hi + carry, newLo);
    }

    @Override
    public int compareTo(IpAddress o) {
        if (v6 != o.v6) {
            return v6 ? 1 : -1;
        }
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }

    @Override
    public String toString() {
        return v6 ? formatV6(hi, lo) : formatV4(lo);
    }

    static long parseV4(String text) {
        long value = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (i <= n) {
            int start = i;
            int octet = 0;
            while (i < n && Character.isDigit(text.charAt(i))) {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    throw new IllegalArgumentException("invalid IPv4 address: " + text);
                }
            }
            boolean leadingZero = i - start > 1 && text.charAt(start) == '0';
            if (i == start || octet > 255 || leadingZero) {
                throw new IllegalArgumentException("invalid IPv4 address: " + text);
            }
            value = (value << 8) | octet;
            octets++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != '.' || octets == 4) {
                throw new IllegalArgumentException("invalid IPv4 address: " + text);
            }
            i++;
        }
        if (octets != 4) {
            throw new IllegalArgumentException("invalid IPv4 address: " + text);
        }
        return value;
    }

    private static IpAddress parseV6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            throw new IllegalArgumentException("invalid IPv6 address: " + text);
        }
        int[] groups = new int[8];
        int count;
        if (doubleColon < 0) {
            count = parseGroups(text, groups, 0, text);
            if (count != 8) {
                throw new IllegalArgumentException("invalid IPv6 address: " + text);
            }
        } else {
            int[] head = new int[8];
            int[] tail = new int[8];
            String left = text.substring(0, doubleColon);
            String right = text.substring(doubleColon + 2);
            int h = left.isEmpty() ? 0 : parseGroups(left, head, 0, text);
            int t = right.isEmpty() ? 0 : parseGroups(right, tail, 0, text);
            if (h + t > 7) {
                throw new IllegalArgumentException("invalid IPv6 address: " + text);
            }
            System.arraycopy(head, 0, groups, 0, h);
            System.arraycopy(tail, 0, groups, 8 - t, t);
        }
        long hi = 0;
        long lo = 0;
        for (int g = 0; g < 4; g++) {
            hi = (hi << 16) | groups[g];
            lo = (lo << 16) | groups[g + 4];
        }
        return new IpAddress(true, hi, lo);
    }

    private static int parseGroups(String part, int[] out, int offset, String whole) {
        String[] pieces = part.split(":", -1);
        if (pieces.length + offset > 8) {
            throw new IllegalArgumentException("invalid IPv6 address: " + whole);
        }
        for (int i = 0; i < pieces.length; i++) {
            String p = pieces[i];
            if (p.isEmpty() || p.length() > 4) {
                throw new IllegalArgumentException("invalid IPv6 address: " + whole);
            }
            int v = 0;
            for (int c = 0; c < p.length(); c++) {
                int d = Character.digit(p.charAt(c), 16);
                if (d < 0) {
                    throw new IllegalArgumentException("invalid IPv6 address: " + whole);
                }
                v = (v << 4) | d;
            }
            out[offset + i] = v;
        }
        return pieces.length;
    }

    static String formatV4(long v) {
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }

    /** RFC 5952: lower case, longest run (≥ 2) of zero groups compressed to "::". */
    static String formatV6(long hi, long lo) {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xFFFF);
            g[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}

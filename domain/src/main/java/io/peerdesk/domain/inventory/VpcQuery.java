package io.peerdesk.domain.inventory;

/**
 * What the VPC list asks for: a search term (name, VPC id, CIDR text, or an address or block that
 * a VPC's CIDR blocks overlap), optional account / region / state filters, and a 1-based page.
 * Nulls and blanks mean "any".
 */
public record VpcQuery(String search, CloudAccountId account, String region, String state, int page, int size) {

    public static final int MAX_SEARCH = 100;
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static VpcQuery all() {
        return new VpcQuery(null, null, null, null, 1, DEFAULT_SIZE);
    }

    public VpcQuery {
        search = blankToNull(search);
        region = blankToNull(region);
        state = blankToNull(state);
    }

    long offset() {
        return (long) (page - 1) * size;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

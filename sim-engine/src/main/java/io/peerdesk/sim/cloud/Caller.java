package io.peerdesk.sim.cloud;

import java.util.regex.Pattern;

/**
 * Who is calling and where: the 12-digit account id and the region taken from the request's
 * SigV4 credential scope. Every cloud operation runs on behalf of one caller.
 */
public record Caller(String accountId, String region) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    public Caller {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("account id must be 12 digits: " + accountId);
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region is required");
        }
    }

    public static boolean isAccountId(String value) {
        return value != null && ACCOUNT_ID.matcher(value).matches();
    }
}

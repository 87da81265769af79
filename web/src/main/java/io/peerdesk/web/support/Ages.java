package io.peerdesk.web.support;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How long ago something happened, as pages say it ("4 minutes ago"); templates call {@code ${@ages.since(t)}}. */
@Component("ages")
public class Ages {

    private final Clock clock;

    Ages(Clock clock) {
        this.clock = clock;
    }

    public String since(Instant at) {
        if (at == null) {
            return "never";
        }
        long seconds = Duration.between(at, clock.instant()).getSeconds();
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return plural(seconds / 60, "minute") + " ago";
        }
        if (seconds < 86_400) {
            return plural(seconds / 3600, "hour") + " ago";
        }
        return plural(seconds / 86_400, "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}

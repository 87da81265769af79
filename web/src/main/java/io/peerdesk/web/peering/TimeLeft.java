package io.peerdesk.web.peering;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How long until a deadline, as people say it: "5 days 3 hours left", "40 minutes left", "overdue". */
@Component
class TimeLeft {

    private final Clock clock;

    TimeLeft(Clock clock) {
        this.clock = clock;
    }

    String of(Instant deadline) {
        if (deadline == null) {
            return "no deadline";
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return "overdue";
        }
        long days = left.toDays();
        long hours = left.toHoursPart();
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "") + " left";
        }
        if (hours > 0) {
            return plural(hours, "hour") + " " + plural(left.toMinutesPart(), "minute") + " left";
        }
        return plural(Math.max(1, left.toMinutesPart()), "minute") + " left";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}

package io.daprj.runtime.jobs;

import io.daprj.spi.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A job's {@code dueTime} or {@code ttl}: an RFC3339 instant, or a Go or ISO8601 duration counted from creation. */
final class JobTimes {

    private JobTimes() {}

    /** @throws IllegalArgumentException naming the value when it is none of the three forms */
    static Instant at(String text, Instant created) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // not a point in time
        }
        if (t.startsWith("P") || t.startsWith("p")) {
            return iso8601(t, created);
        }
        try {
            return created.plus(GoDuration.parse(t));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid time or duration '" + text
                    + "' (expected: RFC3339, Go duration or ISO8601 duration)", e);
        }
    }

    /** {@code PnYnMnWnDTnHnMnS}: the date part as a calendar period (UTC), the time part as a duration. */
    private static Instant iso8601(String text, Instant created) {
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        int t = upper.indexOf('T');
        String date = t < 0 ? upper : upper.substring(0, t);
        try {
            Instant at = created;
            if (date.length() > 1) {
                at = created.atOffset(ZoneOffset.UTC).plus(Period.parse(date)).toInstant();
            }
            if (t >= 0) {
                at = at.plus(Duration.parse("P" + upper.substring(t)));
            }
            if (date.length() <= 1 && t < 0) {
                throw new IllegalArgumentException("empty ISO8601 duration");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid ISO8601 duration '" + text + "'", e);
        }
    }
}

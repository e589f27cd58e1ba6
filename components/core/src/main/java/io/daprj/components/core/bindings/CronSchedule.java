package io.daprj.components.core.bindings;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.daprj.spi.GoDuration;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A schedule in the syntax of Dapr's cron binding (robfig/cron with optional seconds and descriptors): 6 fields
 * with seconds or 5 without, an optional {@code TZ=<zone>} or {@code CRON_TZ=<zone>} prefix, {@code @every <Go
 * duration>} and the macros {@code @yearly @annually @monthly @weekly @daily @midnight @hourly}. Fields are parsed by
 * cron-utils' Spring definition, which reads Sunday as 0 like robfig. Immutable.
 */
final class CronSchedule {

    private static final CronParser SPRING = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *",
            "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *", "@hourly", "0 0 * * * *");

    private final String text;
    private final UnaryOperator<Instant> next;

    private CronSchedule(String text, UnaryOperator<Instant> next) {
        this.text = text;
        this.next = next;
    }

    /** @throws IllegalArgumentException naming the schedule and what is wrong with it */
    static CronSchedule parse(String schedule) {
        String s = schedule.trim();
        ZoneId zone = ZoneId.systemDefault();
        try {
            if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
                int space = s.indexOf(' ');
                if (space < 0) {
                    throw new IllegalArgumentException("provided bad location " + s);
                }
                zone = ZoneId.of(s.substring(s.indexOf('=') + 1, space));
                s = s.substring(space + 1).trim();
            }
            if (s.startsWith("@every ")) {
                Duration every = GoDuration.parse(s.substring("@every ".length()));
                // robfig: at least one second, whole seconds, aligned to the second
                long seconds = Math.max(1, every.toSeconds());
                return new CronSchedule(schedule, after -> after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds));
            }
            String fields = s.startsWith("@") ? MACROS.get(s.toLowerCase(Locale.ROOT)) : s;
            if (fields == null) {
                throw new IllegalArgumentException("unrecognized descriptor: " + s);
            }
            String[] parts = fields.split("\\s+");
            if (parts.length == 5) {
                fields = "0 " + fields;
            } else if (parts.length != 6) {
                throw new IllegalArgumentException("expected 5 to 6 fields, found " + parts.length + ": " + s);
            }
            ExecutionTime execution = ExecutionTime.forCron(SPRING.parse(fields).validate());
            ZoneId z = zone;
            return new CronSchedule(schedule, after -> execution.nextExecution(ZonedDateTime.ofInstant(after, z))
                    .map(ZonedDateTime::toInstant)
                    .orElse(Instant.MAX));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("invalid schedule format '" + schedule + "': " + e.getMessage(), e);
        }
    }

    /** The first firing strictly after {@code after}; {@link Instant#MAX} when there is none. */
    Instant next(Instant after) {
        return next.apply(after);
    }

    @Override
    public String toString() {
        return text;
    }
}

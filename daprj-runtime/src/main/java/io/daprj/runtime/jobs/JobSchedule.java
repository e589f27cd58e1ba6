package io.daprj.runtime.jobs;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.daprj.spi.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A job's {@code schedule} as Dapr's scheduler reads it: 6 cron fields with seconds ({@code sec min hour dom mon
 * dow}), {@code @every <Go duration>}, or {@code @yearly @annually @monthly @weekly @daily @midnight @hourly}. Cron
 * fields are parsed by cron-utils' Spring definition (Sunday = 0, like Go's cron) and evaluated in UTC. Immutable.
 */
final class JobSchedule {

    private static final CronParser SPRING = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *",
            "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *", "@hourly", "0 0 * * * *");

    private final UnaryOperator<Instant> next;

    private JobSchedule(UnaryOperator<Instant> next) {
        this.next = next;
    }

    /** @throws IllegalArgumentException naming the schedule and what is wrong with it */
    static JobSchedule parse(String schedule) {
        String s = schedule.trim();
        try {
            if (s.startsWith("@every ")) {
                Duration every = GoDuration.parse(s.substring("@every ".length()).trim());
                if (every.isZero() || every.isNegative()) {
                    throw new IllegalArgumentException("@every needs a positive duration");
                }
                return new JobSchedule(after -> after.plus(every));
            }
            String fields = s.startsWith("@") ? DESCRIPTORS.get(s.toLowerCase(Locale.ROOT)) : s;
            if (fields == null) {
                throw new IllegalArgumentException("unrecognized descriptor " + s);
            }
            int count = fields.split("\\s+").length;
            if (count != 6) {
                throw new IllegalArgumentException("expected exactly 6 fields, found " + count);
            }
            ExecutionTime execution = ExecutionTime.forCron(SPRING.parse(fields).validate());
            return new JobSchedule(after -> execution.nextExecution(ZonedDateTime.ofInstant(after, ZoneOffset.UTC))
                    .map(ZonedDateTime::toInstant)
                    .orElse(Instant.MAX));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid schedule '" + schedule + "': " + e.getMessage(), e);
        }
    }

    /** The first firing strictly after {@code after}; {@link Instant#MAX} when there is none. */
    Instant next(Instant after) {
        return next.apply(after);
    }
}

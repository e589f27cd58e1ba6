package io.daprj.components.core.sqlite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Timestamps as Dapr's SQLite components store them: UTC text {@code YYYY-MM-DD HH:MM:SS}, which we extend with
 * milliseconds. Both forms sort correctly as text, so rows written by either side compare in SQL.
 */
public final class SqliteTimestamps {

    private static final DateTimeFormatter WRITE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private SqliteTimestamps() {}

    public static String format(Instant instant) {
        return WRITE.format(instant);
    }

    /** The instant in {@code text}, or empty when it is not a timestamp we understand. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        s = s.endsWith("Z") ? s.substring(0, s.length() - 1) : s;
        try {
            return Optional.of(LocalDateTime.parse(s, READ).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

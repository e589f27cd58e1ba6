package io.daprj.components.postgres.configuration;

import io.daprj.spi.GoDuration;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The component metadata of {@code configuration.postgresql}, with Dapr's names. Dapr's Azure AD and AWS IAM options
 * are not supported; other pool options are accepted and ignored.
 *
 * @param connectionString a {@code postgres://} URL, a libpq {@code key=value} string or a {@code jdbc:postgresql:}
 *     URL
 * @param table the table holding the items, with columns {@code KEY}, {@code VALUE}, {@code VERSION} and
 *     {@code METADATA} (json); must exist. Lower-case letters, digits, {@code .}, {@code /} and {@code _} only
 * @param notifyChannel the channel the table's trigger notifies; subscriptions need it here or as request metadata
 *     {@code pgNotifyChannel}
 * @param pgNotifyChannel Dapr's other name for {@code notifyChannel}
 * @param timeout how long connecting and one query may take; 20s by default
 * @param timeoutInSeconds Dapr's older name for {@code timeout}
 * @param maxConns the most pooled connections for reads (subscriptions hold one connection each, outside the pool)
 */
record PostgresConfigurationMetadata(
        String connectionString,
        String table,
        Optional<String> notifyChannel,
        Optional<String> pgNotifyChannel,
        Optional<Duration> timeout,
        Optional<Duration> timeoutInSeconds,
        Optional<Integer> maxConns) {

    /** Dapr's limit on table and channel names (PostgreSQL's identifier length). */
    static final int MAX_IDENTIFIER = 64;
    private static final Pattern NAME = Pattern.compile("^[a-z0-9./_]*$");

    PostgresConfigurationMetadata {
        if (table.isEmpty()) {
            throw new IllegalArgumentException("metadata field 'table': missing postgreSQL configuration table name");
        }
        requireName("table", table);
        notifyChannel.or(() -> pgNotifyChannel).filter(c -> !c.isEmpty())
                .ifPresent(c -> requireName("notifyChannel", c));
        Duration t = timeout.or(() -> timeoutInSeconds).orElse(Duration.ofSeconds(20));
        if (t.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("metadata field 'timeout': " + GoDuration.format(t)
                    + " (expected: 1s or more)");
        }
    }

    Duration callTimeout() {
        return timeout.or(() -> timeoutInSeconds).orElse(Duration.ofSeconds(20));
    }

    /** The channel to LISTEN on: the component's, else the request's {@code pgNotifyChannel} (as in Dapr). */
    Optional<String> channel(Optional<String> fromRequest) {
        Optional<String> channel = notifyChannel.or(() -> pgNotifyChannel).filter(c -> !c.isEmpty())
                .or(() -> fromRequest.filter(c -> !c.isEmpty()));
        channel.ifPresent(c -> requireName("notifyChannel", c));
        return channel;
    }

    private static void requireName(String field, String name) {
        if (name.length() > MAX_IDENTIFIER || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metadata field '" + field + "': '" + name + "' (expected: at most "
                    + MAX_IDENTIFIER + " lower-case letters, digits, '.', '/' or '_')");
        }
    }
}

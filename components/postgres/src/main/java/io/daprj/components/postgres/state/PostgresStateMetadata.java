package io.daprj.components.postgres.state;

import io.daprj.spi.DefaultValue;
import io.daprj.spi.GoDuration;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The component metadata of {@code state.postgresql}, with Dapr's names and defaults. Keys the runtime reads
 * ({@code actorStateStore}, {@code keyPrefix}) and Dapr's cloud-auth options are accepted and ignored.
 *
 * @param connectionString a {@code postgres://} URL, a libpq {@code key=value} string or a {@code jdbc:postgresql:}
 *     URL; see {@link PostgresConnectionString}
 * @param tableName the state table of the v1 layout, optionally {@code schema.table}
 * @param tablePrefix the prefix of the v2 layout's table {@code <prefix>state}, optionally {@code schema.prefix}
 * @param metadataTableName the table holding schema versions and cleanup turns
 * @param timeout how long one database call may take (Dapr's alias: {@code timeoutInSeconds}); 20s by default
 * @param timeoutInSeconds the older name of {@code timeout}
 * @param cleanupInterval how often expired rows are deleted (alias {@code cleanupIntervalInSeconds}); 1h by
 *     default, 0 or negative turns cleanup off
 * @param cleanupIntervalInSeconds the older name of {@code cleanupInterval}
 * @param maxConns the most pooled connections; by default the connection string's {@code pool_max_conns}, else
 *     4 or the number of CPUs if more, as pgx does
 * @param connectionMaxIdleTime how long an unused pooled connection is kept
 */
record PostgresStateMetadata(
        String connectionString,
        @DefaultValue("state") String tableName,
        @DefaultValue("") String tablePrefix,
        @DefaultValue("dapr_metadata") String metadataTableName,
        Optional<Duration> timeout,
        Optional<Duration> timeoutInSeconds,
        Optional<Duration> cleanupInterval,
        Optional<Duration> cleanupIntervalInSeconds,
        Optional<Integer> maxConns,
        Optional<Duration> connectionMaxIdleTime) {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z0-9_]*");

    PostgresStateMetadata {
        requireTable("tableName", tableName);
        requireTable("metadataTableName", metadataTableName);
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("metadata field 'tablePrefix': '" + tablePrefix
                    + "' (expected: letters, digits and '_', optionally after 'schema.')");
        }
        Duration t = timeout.or(() -> timeoutInSeconds).orElse(Duration.ofSeconds(20));
        if (t.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "metadata field 'timeout': " + GoDuration.format(t) + " (expected: 1s or more)");
        }
        maxConns.filter(n -> n < 1).ifPresent(n -> {
            throw new IllegalArgumentException("metadata field 'maxConns': " + n + " (expected: 1 or more)");
        });
    }

    /** The timeout of one database call. */
    Duration callTimeout() {
        return timeout.or(() -> timeoutInSeconds).orElse(Duration.ofSeconds(20));
    }

    /** How often to delete expired rows; empty when cleanup is off. */
    Optional<Duration> cleanupEvery() {
        return Optional.of(cleanupInterval.or(() -> cleanupIntervalInSeconds).orElse(Duration.ofHours(1)))
                .filter(Duration::isPositive);
    }

    /** The state table of the v2 layout. */
    String v2TableName() {
        return tablePrefix + "state";
    }

    private static void requireTable(String field, String name) {
        if (!TABLE.matcher(name).matches()) {
            throw new IllegalArgumentException("metadata field '" + field + "': '" + name
                    + "' (expected: letters, digits and '_', optionally as schema.table)");
        }
    }
}

package io.daprj.components.core.nameresolution;

import io.daprj.components.core.sqlite.SqlIdentifiers;
import io.daprj.spi.DefaultValue;
import io.daprj.spi.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The configuration of {@code nameresolution.sqlite}, with the names and defaults of Dapr's SQLite resolver.
 *
 * @param connectionString the database file; default {@code nameresolution.db} in the daprj home
 *     ({@code $DAPRJ_HOME}, else {@code ~/.daprj})
 * @param tableName the table of registered sidecars
 * @param metadataTableName the table holding the schema version
 * @param updateInterval how often a registered sidecar refreshes its row; whole seconds, as rows store seconds
 * @param timeout how long one database call may take; short, because resolving sits on every invocation
 * @param busyTimeout how long SQLite waits for another process's lock
 * @param cleanupInterval how often rows of dead sidecars are deleted; 0 or negative turns cleanup off
 * @param disableWAL turn off WAL journaling (for network file systems)
 */
record SqliteNameResolverMetadata(
        Optional<String> connectionString,
        @DefaultValue("hosts") String tableName,
        @DefaultValue("metadata") String metadataTableName,
        @DefaultValue("5s") Duration updateInterval,
        @DefaultValue("1s") Duration timeout,
        @DefaultValue("800ms") Duration busyTimeout,
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("false") boolean disableWAL) {

    /** Rows not refreshed for this many update intervals belong to dead sidecars; one missed beat is forgiven. */
    static final int LIVENESS_INTERVALS = 3;

    SqliteNameResolverMetadata {
        SqlIdentifiers.requirePlain("tableName", tableName);
        SqlIdentifiers.requirePlain("metadataTableName", metadataTableName);
        if (updateInterval.compareTo(Duration.ofSeconds(1)) < 0 || updateInterval.toNanosPart() != 0) {
            throw new IllegalArgumentException("metadata field 'updateInterval': " + GoDuration.format(updateInterval)
                    + " (expected: whole seconds, 1s or more)");
        }
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException(
                    "metadata field 'timeout': " + GoDuration.format(timeout) + " (expected: more than 0s)");
        }
    }

    /** The database file: the configured one, else {@code nameresolution.db} in the daprj home. */
    String resolvedConnectionString() {
        return connectionString.orElseGet(() -> daprjHome().resolve("nameresolution.db").toString());
    }

    /** How long a row stays valid without a heartbeat, in seconds. */
    long livenessSeconds() {
        return LIVENESS_INTERVALS * updateInterval.toSeconds();
    }

    private static Path daprjHome() {
        String env = System.getenv("DAPRJ_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".daprj");
    }
}

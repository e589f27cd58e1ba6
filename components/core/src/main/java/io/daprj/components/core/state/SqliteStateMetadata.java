package io.daprj.components.core.state;

import io.daprj.components.core.sqlite.SqlIdentifiers;
import io.daprj.spi.DefaultValue;
import io.daprj.spi.GoDuration;
import java.time.Duration;

/**
 * The component metadata of {@code state.sqlite}, with Dapr's names and defaults. Other keys (such as
 * {@code actorStateStore}, read by the runtime) are ignored.
 *
 * @param connectionString a file path or {@code file:} URI; {@code :memory:} for a private in-memory database
 * @param tableName the table holding the state rows
 * @param metadataTableName the table holding schema version and last-cleanup time
 * @param timeout how long one database call may take
 * @param busyTimeout how long SQLite waits for another process's lock before failing
 * @param disableWAL turn off WAL journaling (for network file systems, where WAL is unsafe)
 * @param cleanupInterval how often expired rows are deleted; 0 or negative turns cleanup off. Dapr's current
 *     default is off; ours is 1h so the embedded default store does not grow without bound
 */
record SqliteStateMetadata(
        String connectionString,
        @DefaultValue("state") String tableName,
        @DefaultValue("metadata") String metadataTableName,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("2s") Duration busyTimeout,
        @DefaultValue("false") boolean disableWAL,
        @DefaultValue("1h") Duration cleanupInterval) {

    SqliteStateMetadata {
        SqlIdentifiers.requirePlain("tableName", tableName);
        SqlIdentifiers.requirePlain("metadataTableName", metadataTableName);
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "metadata field 'timeout': " + GoDuration.format(timeout) + " (expected: 1s or more)");
        }
        if (busyTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "metadata field 'busyTimeout': " + GoDuration.format(busyTimeout) + " (expected: 0s or more)");
        }
    }

    boolean cleanupEnabled() {
        return cleanupInterval.isPositive();
    }
}

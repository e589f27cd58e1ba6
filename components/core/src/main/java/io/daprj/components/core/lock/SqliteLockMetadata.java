package io.daprj.components.core.lock;

import io.daprj.components.core.sqlite.SqlIdentifiers;
import io.daprj.spi.DefaultValue;
import io.daprj.spi.GoDuration;
import java.time.Duration;

/**
 * The component metadata of {@code lock.sqlite} (a daprj type; Dapr has no SQLite lock store), named like the
 * metadata of Dapr's {@code state.sqlite}.
 *
 * @param connectionString a file path or {@code file:} URI; {@code :memory:} for a lock private to this process
 * @param tableName the table holding one row per held lock
 * @param timeout how long one database call may take
 * @param busyTimeout how long SQLite waits for another process's lock before failing
 * @param disableWAL turn off WAL journaling (for network file systems, where WAL is unsafe)
 */
record SqliteLockMetadata(
        String connectionString,
        @DefaultValue("locks") String tableName,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("2s") Duration busyTimeout,
        @DefaultValue("false") boolean disableWAL) {

    SqliteLockMetadata {
        SqlIdentifiers.requirePlain("tableName", tableName);
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "metadata field 'timeout': " + GoDuration.format(timeout) + " (expected: 1s or more)");
        }
        if (busyTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "metadata field 'busyTimeout': " + GoDuration.format(busyTimeout) + " (expected: 0s or more)");
        }
    }
}

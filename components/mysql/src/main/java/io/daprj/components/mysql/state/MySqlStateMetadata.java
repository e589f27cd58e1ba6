package io.daprj.components.mysql.state;

import io.daprj.spi.DefaultValue;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The component metadata of {@code state.mysql}, with Dapr's names and defaults. Keys the runtime reads
 * ({@code actorStateStore}, {@code keyPrefix}) are accepted and ignored.
 *
 * @param connectionString Go's DSN form ({@code user:password@tcp(host:3306)/db?parseTime=true}) or a
 *     {@code jdbc:mariadb:} / {@code jdbc:mysql:} URL; see {@link MySqlConnectionString}
 * @param tableName the state table
 * @param schemaName the database holding the state and metadata tables, created if missing
 * @param metadataTableName the table recording cleanup turns
 * @param timeoutInSeconds how long one database call may take; 0 or less means the default 20
 * @param cleanupInterval how often expired rows are deleted (alias {@code cleanupIntervalInSeconds}); 1h by
 *     default, 0 or negative turns cleanup off
 * @param cleanupIntervalInSeconds the other name of {@code cleanupInterval}
 * @param pemPath a PEM file of CA certificates for {@code tls=custom} in the DSN
 * @param maxConns the most pooled connections
 */
record MySqlStateMetadata(
        String connectionString,
        @DefaultValue("state") String tableName,
        @DefaultValue("dapr_state_store") String schemaName,
        @DefaultValue("dapr_metadata") String metadataTableName,
        @DefaultValue("20") int timeoutInSeconds,
        Optional<Duration> cleanupInterval,
        Optional<Duration> cleanupIntervalInSeconds,
        Optional<String> pemPath,
        @DefaultValue("10") int maxConns) {

    /** Dapr's rule for table and schema names. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]{1,64}");

    MySqlStateMetadata {
        requireIdentifier("tableName", tableName);
        requireIdentifier("schemaName", schemaName);
        requireIdentifier("metadataTableName", metadataTableName);
        if (maxConns < 1) {
            throw new IllegalArgumentException("metadata field 'maxConns': " + maxConns + " (expected: 1 or more)");
        }
    }

    Duration callTimeout() {
        return Duration.ofSeconds(timeoutInSeconds > 0 ? timeoutInSeconds : 20);
    }

    /** How often to delete expired rows; empty when cleanup is off. */
    Optional<Duration> cleanupEvery() {
        return Optional.of(cleanupInterval.or(() -> cleanupIntervalInSeconds).orElse(Duration.ofHours(1)))
                .filter(Duration::isPositive);
    }

    /** {@code `schema`.`table`}. */
    String qualifiedTable() {
        return "`" + schemaName + "`.`" + tableName + "`";
    }

    String qualifiedMetadataTable() {
        return "`" + schemaName + "`.`" + metadataTableName + "`";
    }

    private static void requireIdentifier(String field, String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("metadata field '" + field + "': '" + name
                    + "' (expected: 1 to 64 letters, digits and '_')");
        }
    }
}

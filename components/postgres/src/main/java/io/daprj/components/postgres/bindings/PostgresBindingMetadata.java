package io.daprj.components.postgres.bindings;

import io.daprj.spi.GoDuration;
import java.time.Duration;
import java.util.Optional;

/**
 * The component metadata of {@code bindings.postgresql}, with Dapr's names and defaults. Dapr's cloud-auth options
 * (Azure AD, AWS IAM) are not supported and are ignored.
 *
 * @param connectionString a {@code postgres://} URL, a libpq {@code key=value} string or a {@code jdbc:postgresql:}
 *     URL, read as {@code state.postgresql} reads it
 * @param timeout how long connecting and one statement may take (alias {@code timeoutInSeconds}); 20s by default,
 *     at least 1s
 * @param timeoutInSeconds the older name of {@code timeout}
 * @param maxConns the most pooled connections; by default the connection string's {@code pool_max_conns}, else
 *     4 or the number of CPUs if more, as pgx does
 * @param connectionMaxIdleTime how long an unused pooled connection is kept
 */
record PostgresBindingMetadata(
        String connectionString,
        Optional<Duration> timeout,
        Optional<Duration> timeoutInSeconds,
        Optional<Integer> maxConns,
        Optional<Duration> connectionMaxIdleTime) {

    PostgresBindingMetadata {
        if (connectionString.isBlank()) {
            throw new IllegalArgumentException("missing connection string");
        }
        Duration t = timeout.or(() -> timeoutInSeconds).orElse(Duration.ofSeconds(20));
        if (t.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("invalid value for 'timeout': " + GoDuration.format(t)
                    + " (expected: 1s or more)");
        }
        maxConns.filter(n -> n < 1).ifPresent(n -> {
            throw new IllegalArgumentException("metadata field 'maxConns': " + n + " (expected: 1 or more)");
        });
    }

    /** How long connecting and one statement may take. */
    Duration callTimeout() {
        return timeout.or(() -> timeoutInSeconds).orElse(Duration.ofSeconds(20));
    }
}

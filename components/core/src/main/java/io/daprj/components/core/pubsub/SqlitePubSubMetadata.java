package io.daprj.components.core.pubsub;

import io.daprj.spi.DefaultValue;
import io.daprj.spi.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The component metadata of {@code pubsub.sqlite} (a daprj component; Dapr has none, so the names follow Dapr's
 * SQLite state store and Redis Streams broker where they mean the same thing).
 *
 * @param connectionString a file path or {@code file:} URI; {@code <DAPRJ_HOME or ~/.daprj>/pubsub.db} by default
 * @param consumerID the consumer group; the app id of the sidecar when left out
 * @param processingTimeout how long a claimed message stays invisible to the rest of its group; a live handler's
 *     claim is renewed, so this bounds only how long a crashed process holds messages
 * @param pollInterval how often an idle subscription looks for new messages written by other processes
 * @param redeliveryInterval the wait before a message whose handler failed is delivered again, doubling per attempt
 * @param maxRedeliveryInterval the longest wait between redeliveries
 * @param retentionPeriod how long a message every consumer group has finished with is kept (new groups read the
 *     retained history first); messages of topics nobody subscribes to also go after this long
 * @param concurrency how many messages one subscription hands to its handler at once; 1 keeps publish order
 * @param timeout how long one database call may take
 * @param busyTimeout how long SQLite waits for another process's lock before failing
 * @param disableWAL turn off WAL journaling (for network file systems, where WAL is unsafe)
 */
record SqlitePubSubMetadata(
        Optional<String> connectionString,
        Optional<String> consumerID,
        @DefaultValue("60s") Duration processingTimeout,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("100ms") Duration redeliveryInterval,
        @DefaultValue("5s") Duration maxRedeliveryInterval,
        @DefaultValue("1h") Duration retentionPeriod,
        @DefaultValue("1") int concurrency,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("5s") Duration busyTimeout,
        @DefaultValue("false") boolean disableWAL) {

    SqlitePubSubMetadata {
        requireAtLeast("processingTimeout", processingTimeout, Duration.ofMillis(100));
        requireAtLeast("pollInterval", pollInterval, Duration.ofMillis(1));
        requireAtLeast("redeliveryInterval", redeliveryInterval, Duration.ofMillis(1));
        requireAtLeast("maxRedeliveryInterval", maxRedeliveryInterval, redeliveryInterval);
        requireAtLeast("retentionPeriod", retentionPeriod, Duration.ofSeconds(1));
        requireAtLeast("timeout", timeout, Duration.ofSeconds(1));
        requireAtLeast("busyTimeout", busyTimeout, Duration.ZERO);
        if (concurrency < 1) {
            throw new IllegalArgumentException("metadata field 'concurrency': " + concurrency + " (expected: 1 or more)");
        }
    }

    /** The database: {@code connectionString}, else {@code pubsub.db} in {@code $DAPRJ_HOME} or {@code ~/.daprj}. */
    String database() {
        return connectionString.orElseGet(() -> {
            String home = System.getenv("DAPRJ_HOME");
            Path dir = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".daprj");
            return dir.resolve("pubsub.db").toString();
        });
    }

    /** The consumer group: {@code consumerID}, else the app id, else {@code daprj} for a sidecar without one. */
    String group(String appId) {
        return consumerID.orElse(appId.isBlank() ? "daprj" : appId);
    }

    /** The wait before redelivery number {@code attempt} (1 for the first): doubling, capped. */
    Duration backoff(int attempt) {
        long millis = redeliveryInterval.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxRedeliveryInterval.toMillis()));
    }

    /** How often retention runs: a tenth of the period, between 1s and 5m. */
    Duration cleanupInterval() {
        Duration tenth = retentionPeriod.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : tenth.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : tenth;
    }

    private static void requireAtLeast(String field, Duration value, Duration min) {
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException("metadata field '" + field + "': " + GoDuration.format(value)
                    + " (expected: " + GoDuration.format(min) + " or more)");
        }
    }
}

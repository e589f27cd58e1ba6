package io.daprj.components.core.state;

import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.StateTtl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How our stores read the parts of a write request that Dapr's stores interpret alike. */
final class WriteParameters {

    private WriteParameters() {}

    /**
     * The TTL asked for in {@code ttlInSeconds}. Like Dapr's in-memory and SQLite stores, 0 and -1 mean "never
     * expires", and any write without a TTL clears an earlier one.
     *
     * @throws IllegalArgumentException for a value that is not an integer of -1 or more
     */
    static Optional<Duration> ttl(Map<String, String> metadata) {
        return StateTtl.seconds(metadata).filter(s -> s > 0).map(Duration::ofSeconds);
    }

    /**
     * The TTL of each operation of a transaction, in order (empty for deletes); parsed up front so a bad one rejects
     * the whole transaction before anything is applied.
     */
    static List<Optional<Duration>> ttls(List<StateOperation> operations) {
        return operations.stream()
                .map(op -> op instanceof SetRequest set ? ttl(set.metadata()) : Optional.<Duration>empty())
                .toList();
    }

    /** The ETag the caller gave; an empty string counts as none, as in Dapr. */
    static Optional<String> etag(Optional<String> etag) {
        return etag.filter(e -> !e.isEmpty());
    }
}

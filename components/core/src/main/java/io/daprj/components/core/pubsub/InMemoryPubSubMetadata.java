package io.daprj.components.core.pubsub;

import io.daprj.spi.DefaultValue;
import io.daprj.spi.GoDuration;
import java.time.Duration;

/**
 * The component metadata of {@code pubsub.in-memory}. Dapr's in-memory broker has no metadata and never redelivers;
 * ours redelivers a failed message after {@code redeliveryInterval}, doubling up to {@code maxRedeliveryInterval}.
 *
 * @param redeliveryInterval the wait before the first redelivery of a failed message
 * @param maxRedeliveryInterval the longest wait between redeliveries
 */
record InMemoryPubSubMetadata(
        @DefaultValue("100ms") Duration redeliveryInterval, @DefaultValue("5s") Duration maxRedeliveryInterval) {

    InMemoryPubSubMetadata {
        if (!redeliveryInterval.isPositive()) {
            throw new IllegalArgumentException("metadata field 'redeliveryInterval': "
                    + GoDuration.format(redeliveryInterval) + " (expected: more than 0s)");
        }
        if (maxRedeliveryInterval.compareTo(redeliveryInterval) < 0) {
            throw new IllegalArgumentException("metadata field 'maxRedeliveryInterval': "
                    + GoDuration.format(maxRedeliveryInterval) + " (expected: at least redeliveryInterval)");
        }
    }

    /** The wait before redelivery number {@code attempt} (1 for the first): doubling, capped. */
    Duration backoff(int attempt) {
        long millis = redeliveryInterval.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxRedeliveryInterval.toMillis()));
    }
}

package io.daprj.spi.pubsub;

import static java.util.Objects.requireNonNull;

/** An entry of a bulk publish that the broker did not take, and why. */
public record BulkPublishFailure(String entryId, String error) {

    public BulkPublishFailure {
        requireNonNull(entryId, "entryId");
        requireNonNull(error, "error");
    }
}

package io.daprj.spi.pubsub;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** One entry of a bulk publish, named by the caller's {@code entryId} so failures can be reported per entry. */
public record BulkPublishEntry(String entryId, byte[] data, String contentType, Map<String, String> metadata) {

    public BulkPublishEntry {
        requireNonNull(entryId, "entryId");
        requireNonNull(data, "data");
        requireNonNull(contentType, "contentType");
        metadata = Map.copyOf(requireNonNull(metadata, "metadata"));
    }
}

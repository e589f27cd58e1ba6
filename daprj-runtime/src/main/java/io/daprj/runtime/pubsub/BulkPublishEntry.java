package io.daprj.runtime.pubsub;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One entry of a bulk publish as the caller sent it.
 *
 * @param event the event bytes (the HTTP door has already decoded base64 and unwrapped JSON strings)
 */
public record BulkPublishEntry(String entryId, byte[] event, String contentType, Map<String, String> metadata) {

    public BulkPublishEntry {
        requireNonNull(entryId, "entryId");
        requireNonNull(event, "event");
        requireNonNull(contentType, "contentType");
        metadata = Map.copyOf(metadata);
    }
}

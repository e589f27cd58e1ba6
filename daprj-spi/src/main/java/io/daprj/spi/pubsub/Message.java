package io.daprj.spi.pubsub;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * A message as the broker hands it to a subscriber.
 *
 * @param topic the topic it was published to (the concrete topic when the subscription used a wildcard)
 * @param data the payload exactly as published
 * @param contentType the content type the broker kept, if it keeps one
 * @param metadata broker headers and properties, passed on to the app
 */
public record Message(String topic, byte[] data, Optional<String> contentType, Map<String, String> metadata) {

    public Message {
        requireNonNull(topic, "topic");
        requireNonNull(data, "data");
        requireNonNull(contentType, "contentType");
        metadata = Map.copyOf(requireNonNull(metadata, "metadata"));
    }
}

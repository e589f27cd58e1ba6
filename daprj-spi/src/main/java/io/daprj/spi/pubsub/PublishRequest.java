package io.daprj.spi.pubsub;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One message to publish.
 *
 * @param topic the topic, never blank
 * @param data the payload: a CloudEvent JSON document, or raw bytes when the publisher asked for {@code rawPayload}
 * @param contentType the payload's content type, such as {@code application/cloudevents+json}
 * @param metadata request metadata such as {@code ttlInSeconds} or {@code partitionKey}; keys as sent
 */
public record PublishRequest(String topic, byte[] data, String contentType, Map<String, String> metadata) {

    public PublishRequest {
        requireNonNull(topic, "topic");
        requireNonNull(data, "data");
        requireNonNull(contentType, "contentType");
        metadata = Map.copyOf(requireNonNull(metadata, "metadata"));
    }
}

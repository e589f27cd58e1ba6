package io.daprj.spi.pubsub;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What to subscribe to.
 *
 * @param topic the topic; a wildcard pattern only for components declaring {@link PubSubFeature#SUBSCRIBE_WILDCARDS}
 * @param metadata the subscription's metadata (e.g. {@code rawPayload}, broker-specific keys such as {@code queueName})
 */
public record SubscribeRequest(String topic, Map<String, String> metadata) {

    public SubscribeRequest {
        requireNonNull(topic, "topic");
        metadata = Map.copyOf(requireNonNull(metadata, "metadata"));
    }
}

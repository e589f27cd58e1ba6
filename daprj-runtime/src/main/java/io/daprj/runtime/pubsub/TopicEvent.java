package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One event on its way to the app.
 *
 * @param path the route the rules chose, such as {@code /orders}
 * @param cloudEvent the envelope
 * @param metadata the broker's message metadata, passed as HTTP headers or gRPC metadata
 */
record TopicEvent(String pubsubName, String topic, String path, ObjectNode cloudEvent, Map<String, String> metadata) {}

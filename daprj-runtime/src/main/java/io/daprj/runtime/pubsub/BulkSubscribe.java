package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A subscription's {@code bulkSubscribe} settings: when enabled, messages are handed to the app in batches of up to
 * {@code maxMessagesCount}, a batch leaving at the latest {@code maxAwaitDurationMs} after its first message arrived.
 * Zero or negative numbers take daprd's defaults (100 messages, 1000 ms).
 */
public record BulkSubscribe(boolean enabled, int maxMessagesCount, int maxAwaitDurationMs) {

    static final int DEFAULT_MAX_MESSAGES = 100;
    static final int DEFAULT_MAX_AWAIT_MS = 1000;
    /** Bulk subscribe off: one message per delivery. */
    public static final BulkSubscribe DISABLED = new BulkSubscribe(false, DEFAULT_MAX_MESSAGES, DEFAULT_MAX_AWAIT_MS);

    public BulkSubscribe {
        maxMessagesCount = maxMessagesCount > 0 ? maxMessagesCount : DEFAULT_MAX_MESSAGES;
        maxAwaitDurationMs = maxAwaitDurationMs > 0 ? maxAwaitDurationMs : DEFAULT_MAX_AWAIT_MS;
    }

    /** The {@code bulkSubscribe} object of a subscription in JSON or YAML; missing means disabled. */
    static BulkSubscribe of(JsonNode node) {
        if (node == null || !node.isObject()) {
            return DISABLED;
        }
        return new BulkSubscribe(node.path("enabled").asBoolean(false), node.path("maxMessagesCount").asInt(0),
                node.path("maxAwaitDurationMs").asInt(0));
    }
}

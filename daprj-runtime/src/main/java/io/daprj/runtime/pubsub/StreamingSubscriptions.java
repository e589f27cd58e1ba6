package io.daprj.runtime.pubsub;

import io.dapr.v1.DaprAppCallbackProtos;
import io.daprj.runtime.errors.DaprError;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The streaming subscriptions open on this sidecar, at most one per pubsub and topic as in daprd. Each delivers to
 * its stream on path {@code /}, with the stream's dead-letter topic; none needs an app port.
 */
public final class StreamingSubscriptions implements AutoCloseable {

    private final PubSubApi api;
    private final Map<List<String>, StreamingSubscription> open = new ConcurrentHashMap<>();

    StreamingSubscriptions(PubSubApi api) {
        this.api = api;
    }

    /**
     * Subscribes a new stream; events go out through {@code sender} (which must be safe to call from several
     * threads) and are answered through {@link StreamingSubscription#processed}.
     *
     * @throws io.daprj.runtime.errors.DaprException for an empty or unknown name, a topic outside the scopes, or a
     *     second stream on the same topic
     */
    public StreamingSubscription open(String pubsubName, String topic, Map<String, String> metadata, String deadLetterTopic,
            Consumer<DaprAppCallbackProtos.TopicEventRequest> sender) {
        if (pubsubName.isEmpty()) {
            throw DaprError.ERR_BAD_REQUEST.with("pubsubName is required");
        }
        if (topic.isEmpty()) {
            throw DaprError.ERR_BAD_REQUEST.with("topic is required");
        }
        SubscriptionSpec spec = new SubscriptionSpec(pubsubName, topic, List.of(SubscriptionSpec.Rule.of("", "/")),
                deadLetterTopic, metadata, SubscriptionSpec.Type.STREAMING, List.of(), BulkSubscribe.DISABLED);
        List<String> key = List.of(pubsubName, topic);
        StreamingSubscription stream = new StreamingSubscription(spec, sender, closed -> open.remove(key, closed));
        if (open.putIfAbsent(key, stream) != null) {
            throw DaprError.ERR_BAD_REQUEST.with("streamer already subscribed to pubsub \"" + pubsubName + "\" topic \""
                    + topic + "\"");
        }
        try {
            stream.attach(api.subscribe(spec, stream));
            return stream;
        } catch (RuntimeException e) {
            open.remove(key, stream);
            throw e;
        }
    }

    /** The open ones, for the metadata API. */
    List<SubscriptionSpec> list() {
        return open.values().stream().map(StreamingSubscription::spec).toList();
    }

    @Override
    public void close() {
        List.copyOf(open.values()).forEach(StreamingSubscription::close);
    }
}

package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.components.LoadedComponent;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.resiliency.Policy;
import io.daprj.runtime.resiliency.Resiliency.ComponentKind;
import io.daprj.runtime.resiliency.Resiliency;
import io.daprj.runtime.tracing.Tracing;
import io.daprj.spi.pubsub.BulkPublishFailure;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pub/sub written once for both doors. Publishing checks the names and the app's topic scopes, wraps the payload in
 * daprd's CloudEvent (unless {@code rawPayload}), adds {@code expiration} for {@code ttlInSeconds} when the component
 * has no TTL of its own, and hands the message to the component. Subscribing starts a subscription on its component
 * with the handler its settings call for, and keeps the streaming subscriptions.
 */
public final class PubSubApi {

    private final ComponentStore components;
    private final String appId;
    private final StreamingSubscriptions streaming = new StreamingSubscriptions(this);

    private final Tracing tracing;
    private volatile java.util.function.BooleanSupplier appHealthy = () -> true;

    public PubSubApi(ComponentStore components, String appId) {
        this(components, appId, Tracing.OFF);
    }

    /** Like the other constructor, each delivery to the app in a span continuing the event's trace. */
    public PubSubApi(ComponentStore components, String appId, Tracing tracing) {
        this.tracing = tracing;
        this.components = components;
        this.appId = appId;
    }

    /** The streaming subscriptions ({@code SubscribeTopicEventsAlpha1}) open on this sidecar. */
    public StreamingSubscriptions streaming() {
        return streaming;
    }

    /** A component checked for publishing to {@code topic}. */
    record Target(String name, PubSub pubsub, TopicScopes scopes) {}

    /** Publishes one event; {@code contentType} is the request's (empty means {@code text/plain}). */
    public void publish(String pubsubName, String topic, byte[] data, String contentType, Map<String, String> metadata,
            TraceContext trace) {
        Target target = publishTarget(pubsubName, topic);
        PublishRequest request = message(target, topic, data, contentType, metadata, trace);
        try {
            components.outbound(pubsubName, ComponentKind.PUBSUB, topic, () -> {
                target.pubsub().publish(request);
                return null;
            });
        } catch (IllegalArgumentException e) {
            throw DaprError.ERR_PUBSUB_REQUEST_METADATA.with("failed deserializing metadata. Error: " + e.getMessage());
        } catch (RuntimeException e) {
            throw DaprError.ERR_PUBSUB_PUBLISH_MESSAGE.with("error when publishing to topic " + topic + " in pubsub "
                    + pubsubName + ": " + e.getMessage());
        }
    }

    /**
     * Publishes the entries and returns the ones that failed. Request metadata applies to every entry; an entry's
     * own metadata wins.
     */
    public List<BulkPublishFailure> bulkPublish(String pubsubName, String topic, List<BulkPublishEntry> entries,
            Map<String, String> metadata, TraceContext trace) {
        Target target = publishTarget(pubsubName, topic);
        Set<String> ids = new HashSet<>();
        List<io.daprj.spi.pubsub.BulkPublishEntry> messages = new ArrayList<>(entries.size());
        for (BulkPublishEntry entry : entries) {
            if (entry.entryId().isEmpty()) {
                throw DaprError.ERR_PUBSUB_EVENTS_SER.with("error: entryId is empty for an entry of topic " + topic);
            }
            if (!ids.add(entry.entryId())) {
                throw DaprError.ERR_PUBSUB_EVENTS_SER.with("error: entryId " + entry.entryId() + " is duplicated");
            }
            Map<String, String> merged = new HashMap<>(metadata);
            merged.putAll(entry.metadata());
            PublishRequest m = message(target, topic, entry.event(), entry.contentType(), merged, trace);
            messages.add(new io.daprj.spi.pubsub.BulkPublishEntry(entry.entryId(), m.data(), m.contentType(), m.metadata()));
        }
        try {
            return components.outbound(pubsubName, ComponentKind.PUBSUB, topic,
                    () -> target.pubsub().bulkPublish(topic, messages));
        } catch (RuntimeException e) {
            return messages.stream().map(m -> new BulkPublishFailure(m.entryId(), String.valueOf(e.getMessage()))).toList();
        }
    }

    /** Republishes a received message unchanged, e.g. to a dead-letter topic; the publishing scopes apply. */
    void forward(String pubsubName, PublishRequest request) {
        PubSub pubsub = publishTarget(pubsubName, request.topic()).pubsub();
        components.outbound(pubsubName, ComponentKind.PUBSUB, () -> pubsub.publish(request));
    }

    Tracing tracing() {
        return tracing;
    }

    /** The app's health as its health checks see it; deliveries wait while it is unhealthy. */
    public void appHealth(java.util.function.BooleanSupplier healthy) {
        this.appHealthy = healthy;
    }

    /**
     * Hands a delivery back to the broker (after a short pause, so brokers that redeliver at once do not spin) while
     * the app fails its health checks: daprd stops delivering to an unhealthy app and resumes once it is healthy.
     */
    void requireHealthyApp() throws PubSubDelivery.RedeliverException {
        if (!appHealthy.getAsBoolean()) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new PubSubDelivery.RedeliverException("app is not in a healthy state");
        }
    }

    io.daprj.runtime.metrics.DaprMetrics metrics() {
        return components.metrics();
    }

    /** The inbound resiliency policy of a pubsub component: how deliveries to the app are retried. */
    Policy inbound(String pubsubName) {
        return components.resiliency().component(pubsubName, ComponentKind.PUBSUB, Resiliency.Direction.INBOUND);
    }

    /**
     * Starts a subscription on its component: each message goes to {@code app} by daprd's delivery contract, in
     * batches when the subscription has bulk subscribe enabled.
     *
     * @throws io.daprj.runtime.errors.DaprException for an unknown pubsub or a topic outside the subscription scopes
     */
    Subscription subscribe(SubscriptionSpec spec, SubscriberApp app) {
        LoadedComponent<PubSub> component = components.get(PubSub.class, spec.pubsubName())
                .orElseThrow(() -> DaprError.ERR_PUBSUB_NOT_FOUND.with("pubsub " + spec.pubsubName() + " is not found"));
        if (!TopicScopes.of(component.spec().metadata(), appId).canSubscribe(spec.topic())) {
            throw DaprError.ERR_PUBSUB_FORBIDDEN.with("topic " + spec.topic() + " is not allowed for app id " + appId);
        }
        MessageHandler handler = spec.bulk().enabled() ? new BulkDelivery(spec, app, this) : new PubSubDelivery(spec, app, this);
        return component.instance().subscribe(new SubscribeRequest(spec.topic(), spec.metadata()), handler);
    }

    private Target publishTarget(String pubsubName, String topic) {
        if (components.all(PubSub.class).isEmpty()) {
            throw DaprError.ERR_PUBSUB_NOT_CONFIGURED.with("pubsub " + pubsubName + " is not configured");
        }
        if (pubsubName == null || pubsubName.isEmpty()) {
            throw DaprError.ERR_PUBSUB_EMPTY.with("pubsub name is empty");
        }
        LoadedComponent<PubSub> component = components.get(PubSub.class, pubsubName)
                .orElseThrow(() -> DaprError.ERR_PUBSUB_NOT_FOUND.with("pubsub " + pubsubName + " is not found"));
        if (topic == null || topic.isEmpty()) {
            throw DaprError.ERR_TOPIC_NAME_EMPTY.with("topic is empty in pubsub " + pubsubName);
        }
        TopicScopes scopes = TopicScopes.of(component.spec().metadata(), appId);
        if (!scopes.canPublish(topic)) {
            throw DaprError.ERR_PUBSUB_FORBIDDEN.with("topic " + topic + " is not allowed for app id " + appId);
        }
        return new Target(pubsubName, component.instance(), scopes);
    }

    private PublishRequest message(Target target, String topic, byte[] data, String contentType,
            Map<String, String> metadata, TraceContext trace) {
        if (rawPayload(metadata)) {
            return new PublishRequest(topic, data, contentType.isEmpty() ? ContentTypes.OCTET_STREAM : contentType, metadata);
        }
        ObjectNode ce;
        if (ContentTypes.isCloudEvent(contentType)) {
            try {
                ce = CloudEvents.fromCloudEvent(data, topic, target.name(), trace.traceParent(), trace.traceState());
            } catch (IllegalArgumentException e) {
                throw DaprError.ERR_PUBSUB_CLOUD_EVENTS_SER.with("cannot create cloudevent for topic " + topic
                        + " in pubsub " + target.name() + ": " + e.getMessage());
            }
        } else {
            ce = CloudEvents.envelope(attributes(metadata, trace), topic, target.name(), contentType, data);
        }
        ttlSeconds(metadata).filter(ttl -> !target.pubsub().features().contains(PubSubFeature.MESSAGE_TTL))
                .ifPresent(ttl -> CloudEvents.expireAfter(ce, ttl));
        return new PublishRequest(topic, CloudEvents.bytes(ce), ContentTypes.CLOUD_EVENT, metadata);
    }

    /** The {@code cloudevent.*} overrides, matched case-insensitively; {@code traceparent} wins over {@code traceid}. */
    private CloudEvents.Attributes attributes(Map<String, String> metadata, TraceContext trace) {
        Map<String, String> o = new HashMap<>();
        metadata.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (key.startsWith("cloudevent.")) {
                o.put(key.substring("cloudevent.".length()), v);
            }
        });
        String traceParent = o.getOrDefault("traceparent", "");
        if (traceParent.isEmpty()) {
            traceParent = o.getOrDefault("traceid", trace.traceParent());
        }
        return new CloudEvents.Attributes(o.getOrDefault("id", ""), o.getOrDefault("source", appId),
                o.getOrDefault("type", ""), o.getOrDefault("subject", ""), traceParent,
                o.getOrDefault("tracestate", trace.traceState()));
    }

    private static boolean rawPayload(Map<String, String> metadata) {
        String raw = metadata.get("rawPayload");
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "1", "t", "true" -> true;
            case "0", "f", "false" -> false;
            default -> throw DaprError.ERR_PUBSUB_REQUEST_METADATA.with(
                    "failed deserializing metadata. Error: rawPayload: '" + raw + "' (expected: true or false)");
        };
    }

    /** A positive {@code ttlInSeconds}; anything else is left to the component, as daprd ignores it here. */
    private static java.util.Optional<Long> ttlSeconds(Map<String, String> metadata) {
        try {
            String ttl = metadata.get("ttlInSeconds");
            long seconds = ttl == null ? 0 : Long.parseLong(ttl.trim());
            return seconds > 0 ? java.util.Optional.of(seconds) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}

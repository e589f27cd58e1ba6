package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daprj.runtime.resiliency.Failure;
import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PublishRequest;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of one subscription, daprd's delivery contract: read the envelope, drop it when expired, pick the
 * route, deliver, and act on the app's verdict. It returns (the component acknowledges) on SUCCESS, on DROP, on an
 * event no rule matches, and whenever the message reached the dead-letter topic; it throws (the component
 * redelivers) on RETRY without a dead-letter topic.
 */
final class PubSubDelivery implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(PubSubDelivery.class);

    /** Thrown to make the component deliver the message again. */
    static final class RedeliverException extends Exception {
        RedeliverException(String message) {
            super(message, null, false, false);
        }
    }

    private final SubscriptionSpec spec;
    private final SubscriberApp app;
    private final PubSubApi api;

    PubSubDelivery(SubscriptionSpec spec, SubscriberApp app, PubSubApi api) {
        this.spec = spec;
        this.app = app;
        this.api = api;
    }

    /** An event ready for the app: its envelope and the path its route chose. */
    record Routed(ObjectNode cloudEvent, String path) {}

    @Override
    public void handle(Message message) throws RedeliverException {
        api.requireHealthyApp();
        Optional<Routed> routed = route(message);
        if (routed.isEmpty()) {
            return;
        }
        ObjectNode ce = routed.get().cloudEvent();
        TopicEvent event = new TopicEvent(spec.pubsubName(), message.topic(), routed.get().path(), ce, message.metadata());
        Verdict verdict;
        long start = System.nanoTime();
        try {
            // in a span continuing the event's trace, under the component's inbound resiliency policy
            verdict = api.tracing().inSpan("pubsub/" + message.topic(), SpanKind.CONSUMER,
                    ce.path("traceparent").asText(ce.path("traceid").asText("")), ce.path("tracestate").asText(""),
                    java.util.Map.of("messaging.system", "pubsub", "messaging.destination.name", message.topic(),
                            "messaging.source.name", spec.pubsubName()),
                    () -> api.inbound(spec.pubsubName()).call(() -> app.deliver(event),
                            v -> v == Verdict.RETRY ? Failure.OTHER : null, e -> Failure.OTHER));
        } catch (SubscriberApp.GoneException e) {
            api.metrics().pubsubIngress(spec.pubsubName(), message.topic(), "retry", System.nanoTime() - start);
            throw new RedeliverException(e.getMessage());
        }
        api.metrics().pubsubIngress(spec.pubsubName(), message.topic(),
                verdict.name().toLowerCase(java.util.Locale.ROOT), System.nanoTime() - start);
        settle(message, ce, verdict);
    }

    /**
     * The envelope and route of {@code message}; empty when the message is settled without the app: expired, or no
     * rule matched (it went to the dead-letter topic where there is one).
     *
     * @throws RedeliverException when the envelope or the rules failed and there is no dead-letter topic
     */
    Optional<Routed> route(Message message) throws RedeliverException {
        ObjectNode ce;
        try {
            ce = envelope(message);
        } catch (IllegalArgumentException e) {
            deadLetterOrRedeliver(message, "error deserializing cloud event in pubsub " + spec.pubsubName()
                    + " and topic " + message.topic() + ": " + e.getMessage());
            return Optional.empty();
        }
        if (CloudEvents.hasExpired(ce)) {
            log.warn("dropping expired pub/sub event {} as of {}", ce.path("id").asText(), ce.path("expiration").asText());
            deadLetter(message);
            return Optional.empty();
        }
        Optional<String> path;
        try {
            path = spec.route(ce);
        } catch (RouteExpression.RouteEvaluationException e) {
            deadLetterOrRedeliver(message, "error finding matching route for event " + ce.path("id").asText()
                    + " in pubsub " + spec.pubsubName() + " and topic " + message.topic() + ": " + e.getMessage());
            return Optional.empty();
        }
        if (path.isEmpty()) {
            log.debug("no matching route for event {} on topic {}; skipping", ce.path("id").asText(), message.topic());
            deadLetter(message);
            return Optional.empty();
        }
        return Optional.of(new Routed(ce, path.get()));
    }

    /** Acts on the app's verdict. @throws RedeliverException when the broker is to deliver the message again */
    void settle(Message message, ObjectNode ce, Verdict verdict) throws RedeliverException {
        switch (verdict) {
            case SUCCESS -> { }
            case DROP -> {
                log.warn("DROP status returned from app while processing pub/sub event {}", ce.path("id").asText());
                if (!deadLetter(message)) {
                    throw new RedeliverException("the dropped event could not reach dead-letter topic " + spec.deadLetterTopic());
                }
            }
            case RETRY -> deadLetterOrRedeliver(message, "the app asked to retry pub/sub event " + ce.path("id").asText());
        }
    }

    /** The envelope of {@code message}: synthetic for raw payloads, the published CloudEvent otherwise. */
    private ObjectNode envelope(Message message) {
        if (spec.rawPayload()) {
            return CloudEvents.fromRawPayload(message.data(), message.topic(), spec.pubsubName(), message.metadata());
        }
        String contentType = message.contentType().orElse(ContentTypes.CLOUD_EVENT);
        if (ContentTypes.isBinary(contentType)) {
            ObjectNode ce = CloudEvents.JSON.createObjectNode();
            ce.put("datacontenttype", contentType);
            ce.put("data", Base64.getEncoder().encodeToString(message.data()));
            return ce;
        }
        JsonNode node = CloudEvents.parseOrNull(message.data());
        if (!(node instanceof ObjectNode ce)) {
            throw new IllegalArgumentException("the message is not a CloudEvent JSON object");
        }
        for (String field : new String[] {"traceid", "traceparent", "tracestate"}) {
            if (!ce.has(field) && message.metadata().containsKey(field)) {
                ce.put(field, message.metadata().get(field));
            }
        }
        return ce;
    }

    /** Like daprd: with a dead-letter topic the failure ends there; without one the broker redelivers. */
    private void deadLetterOrRedeliver(Message message, String reason) throws RedeliverException {
        if (spec.deadLetterTopic().isEmpty() || !deadLetter(message)) {
            throw new RedeliverException(reason);
        }
        log.warn("{}; sent to dead-letter topic {}", reason, spec.deadLetterTopic());
    }

    /** Sends the original message to the dead-letter topic, if any; true when there is none or it arrived. */
    private boolean deadLetter(Message message) {
        if (spec.deadLetterTopic().isEmpty()) {
            return true;
        }
        try {
            api.forward(spec.pubsubName(), new PublishRequest(spec.deadLetterTopic(), message.data(),
                    message.contentType().orElse(ContentTypes.CLOUD_EVENT), message.metadata()));
            return true;
        } catch (RuntimeException e) {
            log.warn("failed to send a message to dead-letter topic {}: {}", spec.deadLetterTopic(), e.getMessage());
            return false;
        }
    }
}

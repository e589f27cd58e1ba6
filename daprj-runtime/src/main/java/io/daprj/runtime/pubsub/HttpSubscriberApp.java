package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import io.daprj.runtime.invoke.AppChannel;
import io.daprj.runtime.invoke.Headers;
import io.daprj.runtime.invoke.InvokeRequest;
import io.daprj.runtime.invoke.InvokeResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP app: {@code GET /dapr/subscribe} lists its subscriptions, {@code POST <path>} with
 * {@code application/cloudevents+json} delivers. Calls go through the app channel, which enforces
 * {@code --app-max-concurrency}.
 */
final class HttpSubscriberApp implements SubscriberApp {

    private static final Logger log = LoggerFactory.getLogger(HttpSubscriberApp.class);

    private final AppChannel channel;
    private final String appId;

    HttpSubscriberApp(AppChannel channel, String appId) {
        this.channel = channel;
        this.appId = appId;
    }

    @Override
    public List<SubscriptionSpec> subscriptions() {
        InvokeResponse response = channel.invoke(new InvokeRequest("dapr/subscribe", "GET", "",
                Headers.of("dapr-app-id", appId), new byte[0], "application/json"));
        if (response.status() == 404) {
            return List.of();
        }
        if (!response.ok()) {
            throw new IllegalStateException("GET /dapr/subscribe answered " + response.status());
        }
        JsonNode items = CloudEvents.parseOrNull(response.body());
        List<SubscriptionSpec> specs = new ArrayList<>();
        if (items == null || !items.isArray()) {
            log.error("GET /dapr/subscribe did not answer a JSON array; the app has no subscriptions");
            return specs;
        }
        for (JsonNode item : items) {
            try {
                specs.add(SubscriptionParser.parse(item, SubscriptionSpec.Type.PROGRAMMATIC, List.of()));
            } catch (IllegalArgumentException e) {
                log.error("skipping a subscription from GET /dapr/subscribe: {}", e.getMessage());
            }
        }
        return specs;
    }

    @Override
    public Verdict deliver(TopicEvent event) {
        Headers.Builder headers = Headers.builder();
        event.metadata().forEach(headers::add);
        String traceParent = io.daprj.runtime.tracing.Tracing.currentTraceParent()
                .orElse(event.cloudEvent().path("traceparent").asText(event.cloudEvent().path("traceid").asText("")));
        if (!traceParent.isEmpty()) {
            headers.add("traceparent", traceParent);
        }
        String path = event.path().startsWith("/") ? event.path().substring(1) : event.path();
        InvokeResponse response;
        try {
            response = channel.invoke(new InvokeRequest(path, "POST", "", headers.build(),
                    CloudEvents.bytes(event.cloudEvent()), ContentTypes.CLOUD_EVENT));
        } catch (RuntimeException e) {
            log.warn("error from the app channel while delivering a pub/sub event: {}", e.toString());
            return Verdict.RETRY;
        }
        if (response.ok()) {
            return verdictOf(response.body(), event);
        }
        if (response.status() == 404) {
            log.error("non-retriable error from the app for pub/sub event {}: status 404", event.cloudEvent().path("id"));
            return Verdict.DROP;
        }
        log.warn("retriable error from the app for pub/sub event {} on topic {}: status {}",
                event.cloudEvent().path("id"), event.topic(), response.status());
        return Verdict.RETRY;
    }

    /** 2xx: an empty or unparseable body or status means SUCCESS; an unknown status is an error, retried. */
    static Verdict verdictOf(byte[] body, TopicEvent event) {
        JsonNode answer = CloudEvents.parseOrNull(body);
        if (answer == null || !answer.isObject()) {
            return Verdict.SUCCESS;
        }
        JsonNode status = null;
        for (var field : answer.properties()) {
            // Go's JSON decoding matches field names case-insensitively
            if (field.getKey().equalsIgnoreCase("status")) {
                status = field.getValue();
            }
        }
        String value = status == null || status.isNull() ? "" : status.asText();
        return switch (value) {
            case "", "SUCCESS" -> Verdict.SUCCESS;
            case "DROP" -> Verdict.DROP;
            case "RETRY" -> Verdict.RETRY;
            default -> {
                log.warn("unknown status {} from the app for pub/sub event {}", value, event.cloudEvent().path("id"));
                yield Verdict.RETRY;
            }
        };
    }
}

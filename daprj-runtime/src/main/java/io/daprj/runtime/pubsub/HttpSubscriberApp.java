package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daprj.runtime.invoke.AppChannel;
import io.daprj.runtime.invoke.Headers;
import io.daprj.runtime.invoke.InvokeRequest;
import io.daprj.runtime.invoke.InvokeResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        InvokeResponse response;
        try {
            response = post(event.path(), headers.build(), CloudEvents.bytes(event.cloudEvent()), ContentTypes.CLOUD_EVENT);
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

    /**
     * {@code POST <path>} with daprd's bulk envelope; the app answers {@code {"statuses":[{"entryId","status"}]}}.
     * 404 drops the whole batch, any other failure retries it.
     */
    @Override
    public Map<String, Verdict> deliverBulk(BulkEvent event) {
        ObjectNode body = CloudEvents.JSON.createObjectNode();
        ArrayNode entries = body.putArray("entries");
        for (BulkEvent.Entry e : event.entries()) {
            ObjectNode entry = entries.addObject().put("entryId", e.entryId());
            entry.set("event", e.cloudEvent());
            entry.put("contentType", ContentTypes.CLOUD_EVENT);
            ObjectNode metadata = entry.putObject("metadata");
            e.metadata().forEach(metadata::put);
        }
        body.put("id", event.id());
        body.putObject("metadata");
        body.put("pubsubname", event.pubsubName());
        body.put("topic", event.topic());
        body.put("type", BulkEvent.TYPE);
        InvokeResponse response;
        try {
            response = post(event.path(), Headers.builder().build(), CloudEvents.bytes(body), "application/json");
        } catch (RuntimeException e) {
            log.warn("error from the app channel while delivering a bulk pub/sub event: {}", e.toString());
            return Map.of();
        }
        if (response.ok()) {
            return statusesOf(response.body(), event.id());
        }
        Map<String, Verdict> verdicts = new HashMap<>();
        if (response.status() == 404) {
            log.error("non-retriable error from the app for bulk pub/sub event {}: status 404", event.id());
            event.entries().forEach(e -> verdicts.put(e.entryId(), Verdict.DROP));
        } else {
            log.warn("retriable error from the app for bulk pub/sub event {} on topic {}: status {}", event.id(),
                    event.topic(), response.status());
        }
        return verdicts;
    }

    /** The statuses of a bulk answer; an unparseable body leaves every entry to be retried. */
    static Map<String, Verdict> statusesOf(byte[] body, String bulkId) {
        JsonNode answer = CloudEvents.parseOrNull(body);
        Map<String, Verdict> verdicts = new HashMap<>();
        if (answer == null || !answer.path("statuses").isArray()) {
            log.warn("the app's answer to bulk pub/sub event {} has no statuses; every entry is retried", bulkId);
            return verdicts;
        }
        for (JsonNode status : answer.path("statuses")) {
            Verdict v = switch (status.path("status").asText("")) {
                case "SUCCESS" -> Verdict.SUCCESS;
                case "DROP" -> Verdict.DROP;
                default -> Verdict.RETRY;
            };
            verdicts.put(status.path("entryId").asText(""), v);
        }
        return verdicts;
    }

    private InvokeResponse post(String route, Headers headers, byte[] body, String contentType) {
        String path = route.startsWith("/") ? route.substring(1) : route;
        return channel.invoke(new InvokeRequest(path, "POST", "", headers, body, contentType));
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

package io.daprj.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.pubsub.BulkPublishEntry;
import io.daprj.runtime.pubsub.PubSubApi;
import io.daprj.runtime.pubsub.TraceContext;
import io.daprj.spi.pubsub.BulkPublishFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST|PUT /v1.0/publish/{pubsub}/{topic…}} and the bulk form under {@code /v1.0/publish/bulk/} and
 * {@code /v1.0-alpha1/publish/bulk/}. Topics may contain {@code /}.
 */
final class PubSubHttpRoutes {

    private static final Set<String> METHODS = Set.of("POST", "PUT");

    private final PubSubApi pubsub;

    PubSubHttpRoutes(PubSubApi pubsub) {
        this.pubsub = pubsub;
    }

    void register(ApiRouter router) {
        // bulk first: otherwise a pubsub named "bulk" would swallow every bulk publish
        for (String version : List.of("v1.0", "v1.0-alpha1")) {
            router.add(METHODS, "/" + version + "/publish/bulk/{pubsubname}/{topic*}", this::bulkPublish)
                    .add(METHODS, "/" + version + "/publish/bulk/{pubsubname}", this::bulkPublish);
        }
        router.add(METHODS, "/v1.0/publish/{pubsubname}/{topic*}", this::publish)
                .add(METHODS, "/v1.0/publish/{pubsubname}", this::publish);
    }

    private ApiResponse publish(ApiRequest r) {
        pubsub.publish(r.param("pubsubname"), topic(r), r.body(), r.contentType(), r.metadata(), trace(r));
        return ApiResponse.noContent();
    }

    private ApiResponse bulkPublish(ApiRequest r) {
        String name = r.param("pubsubname");
        String topic = topic(r);
        List<BulkPublishEntry> entries = entries(r.body(), name, topic);
        List<BulkPublishFailure> failed = pubsub.bulkPublish(name, topic, entries, r.metadata(), trace(r));
        if (failed.isEmpty()) {
            return ApiResponse.noContent();
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        var list = body.putArray("failedEntries");
        failed.forEach(f -> list.addObject().put("entryId", f.entryId()).put("error", f.error()));
        body.put("errorCode", DaprError.ERR_PUBSUB_PUBLISH_MESSAGE.code());
        return ApiResponse.json(500, Json.write(body));
    }

    /** The entries of a bulk body, each event turned into bytes by its content type as daprd does. */
    private static List<BulkPublishEntry> entries(byte[] body, String name, String topic) {
        JsonNode array;
        try {
            array = Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            array = null;
        }
        if (array == null || !array.isArray()) {
            throw DaprError.ERR_PUBSUB_EVENTS_SER.with("error when unmarshaling the request for topic " + topic
                    + " pubsub " + name + ": expected a JSON array of entries");
        }
        List<BulkPublishEntry> entries = new ArrayList<>();
        for (JsonNode e : array) {
            String contentType = e.path("contentType").asText("");
            Map<String, String> metadata = new LinkedHashMap<>();
            e.path("metadata").properties().forEach(m -> metadata.put(m.getKey(), m.getValue().asText()));
            entries.add(new BulkPublishEntry(e.path("entryId").asText(""), event(e.path("event"), contentType, topic, name),
                    contentType, metadata));
        }
        return entries;
    }

    private static byte[] event(JsonNode event, String contentType, String topic, String name) {
        String ct = contentType.toLowerCase(Locale.ROOT);
        if (ct.startsWith("application/octet-stream")) {
            try {
                return Base64.getDecoder().decode(event.asText(""));
            } catch (IllegalArgumentException e) {
                throw DaprError.ERR_PUBSUB_EVENTS_SER.with("error when unmarshaling the request for topic " + topic
                        + " pubsub " + name + ": the event of a binary entry is not base64: " + e.getMessage());
            }
        }
        boolean json = ct.startsWith("application/json") || ct.startsWith("application/cloudevents+json");
        if (!json && event.isTextual()) {
            return event.asText().getBytes(StandardCharsets.UTF_8);
        }
        return Json.write(event);
    }

    /** The rest of the path, URL-decoded as daprd decodes route parameters. */
    private static String topic(ApiRequest r) {
        String raw = r.param("topic");
        return raw.isEmpty() ? "" : ApiRouter.decode(raw);
    }

    private static TraceContext trace(ApiRequest r) {
        return TraceContext.fromCaller(r.headers().get("traceparent"), r.headers().get("tracestate"));
    }
}

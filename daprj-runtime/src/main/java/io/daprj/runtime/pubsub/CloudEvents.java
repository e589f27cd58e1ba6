package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** The CloudEvent envelope as daprd builds, reads and expires it (components-contrib {@code pubsub/envelope.go}). */
final class CloudEvents {

    /** Numbers stay exact, as Go's {@code UseNumber} keeps them. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    static final String DEFAULT_TYPE = "com.dapr.event.sent";
    static final String DEFAULT_SOURCE = "Dapr";
    static final String SPEC_VERSION = "1.0";
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** What the publisher gave: the overridable attributes already merged from {@code metadata.cloudevent.*}. */
    record Attributes(String id, String source, String type, String subject, String traceParent, String traceState) {}

    private CloudEvents() {}

    /** A new envelope around {@code data}; JSON data is embedded, octet-stream as {@code data_base64}, else a string. */
    static ObjectNode envelope(Attributes a, String topic, String pubsub, String contentType, byte[] data) {
        String ct = contentType.isEmpty() ? "text/plain" : contentType;
        ObjectNode ce = JSON.createObjectNode();
        ce.put("id", a.id().isEmpty() ? UUID.randomUUID().toString() : a.id());
        ce.put("specversion", SPEC_VERSION);
        ce.put("datacontenttype", ct);
        ce.put("source", a.source().isEmpty() ? DEFAULT_SOURCE : a.source());
        ce.put("type", a.type().isEmpty() ? DEFAULT_TYPE : a.type());
        ce.put("topic", topic);
        ce.put("pubsubname", pubsub);
        ce.put("traceid", a.traceParent());
        ce.put("traceparent", a.traceParent());
        ce.put("tracestate", a.traceState());
        ce.put("time", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(RFC3339));
        if (ContentTypes.isJson(ct)) {
            JsonNode parsed = parseOrNull(data);
            if (parsed != null) {
                ce.set("data", parsed);
            } else {
                ce.put("data", new String(data, StandardCharsets.UTF_8));
            }
        } else if (ContentTypes.isBinary(ct)) {
            ce.put("data_base64", Base64.getEncoder().encodeToString(data));
        } else {
            ce.put("data", new String(data, StandardCharsets.UTF_8));
        }
        if (!a.subject().isEmpty()) {
            ce.put("subject", a.subject());
        }
        return ce;
    }

    /**
     * The publisher's own CloudEvent: topic and pubsub name are overwritten, trace fields and {@code time} kept when
     * present, {@code source}/{@code type}/{@code specversion} defaulted.
     *
     * @throws IllegalArgumentException when the body is not a JSON object
     */
    static ObjectNode fromCloudEvent(byte[] body, String topic, String pubsub, String traceParent, String traceState) {
        JsonNode node = parseOrNull(body);
        if (!(node instanceof ObjectNode ce)) {
            throw new IllegalArgumentException("the body is not a CloudEvent JSON object");
        }
        if (!ce.has("time")) {
            ce.put("time", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(RFC3339));
        }
        if (!ce.has("traceid")) {
            ce.put("traceid", traceParent);
            ce.put("traceparent", traceParent);
        }
        if (!ce.has("tracestate")) {
            ce.put("tracestate", traceState);
        }
        ce.put("topic", topic);
        ce.put("pubsubname", pubsub);
        defaultIfNull(ce, "source", DEFAULT_SOURCE);
        defaultIfNull(ce, "type", DEFAULT_TYPE);
        defaultIfNull(ce, "specversion", SPEC_VERSION);
        return ce;
    }

    /** The envelope a subscriber with {@code rawPayload} gets: a fresh id, the bytes as {@code data_base64}. */
    static ObjectNode fromRawPayload(byte[] data, String topic, String pubsub, Map<String, String> metadata) {
        ObjectNode ce = JSON.createObjectNode();
        ce.put("id", UUID.randomUUID().toString());
        ce.put("specversion", SPEC_VERSION);
        ce.put("datacontenttype", ContentTypes.OCTET_STREAM);
        ce.put("source", DEFAULT_SOURCE);
        ce.put("type", DEFAULT_TYPE);
        ce.put("topic", topic);
        ce.put("pubsubname", pubsub);
        ce.put("data_base64", Base64.getEncoder().encodeToString(data));
        String traceParent = metadata.getOrDefault("traceparent", metadata.get("traceid"));
        if (traceParent != null) {
            ce.put("traceid", traceParent);
            ce.put("traceparent", traceParent);
        }
        if (metadata.containsKey("tracestate")) {
            ce.put("tracestate", metadata.get("tracestate"));
        }
        return ce;
    }

    /** Adds {@code expiration} = now + ttl, as daprd does when the component has no TTL of its own. */
    static void expireAfter(ObjectNode ce, long ttlSeconds) {
        ce.put("expiration", Instant.now().plusSeconds(ttlSeconds).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** True when the envelope carries an {@code expiration} in the past; an unparseable one never expires. */
    static boolean hasExpired(JsonNode ce) {
        String expiration = ce.path("expiration").asText("");
        if (expiration.isEmpty()) {
            return false;
        }
        try {
            return OffsetDateTime.parse(expiration, RFC3339).toInstant().isBefore(Instant.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The JSON value of {@code data}, or null when it is not JSON. */
    static JsonNode parseOrNull(byte[] data) {
        try {
            JsonNode node = JSON.readTree(data);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void defaultIfNull(ObjectNode ce, String field, String value) {
        if (!ce.hasNonNull(field)) {
            ce.put(field, value);
        }
    }
}

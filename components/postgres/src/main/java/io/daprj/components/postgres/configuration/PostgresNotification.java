package io.daprj.components.postgres.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.spi.configuration.ConfigurationItem;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payload the trigger Dapr documents sends with {@code pg_notify}: {@code {"table","action","data":{row}}}, the
 * row being the new one, or the old one for a delete. Column names are matched case-insensitively, as in Dapr.
 *
 * @param key the row's key
 * @param item the row's value, version and metadata
 */
record PostgresNotification(String key, ConfigurationItem item) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The row a payload carries, or empty for a payload of another shape. */
    static Optional<PostgresNotification> parse(String payload) {
        JsonNode data;
        try {
            data = JSON.readTree(payload).path("data");
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (!data.isObject()) {
            return Optional.empty();
        }
        String key = null;
        String value = "";
        String version = "";
        Map<String, String> metadata = Map.of();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> column = it.next();
            JsonNode v = column.getValue();
            switch (column.getKey().toLowerCase(java.util.Locale.ROOT)) {
                case "key" -> key = v.asText();
                case "value" -> value = v.isNull() ? "" : v.asText();
                case "version" -> version = v.isNull() ? "" : v.asText();
                case "metadata" -> metadata = metadata(v);
                default -> { }
            }
        }
        return key == null ? Optional.empty()
                : Optional.of(new PostgresNotification(key, new ConfigurationItem(value, version, metadata)));
    }

    /** A {@code METADATA} json object as string pairs; anything else is no metadata. */
    static Map<String, String> metadata(JsonNode node) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        }
        return metadata;
    }

    /** {@link #metadata(JsonNode)} of a {@code METADATA} column read as text. */
    static Map<String, String> metadata(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return metadata(JSON.readTree(json));
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }
}

package io.daprj.runtime.configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationUpdate;
import java.util.Map;

/**
 * Configuration items as daprd's encoding/json writes them: {@code {"<key>":{"value","version","metadata"}}}, each
 * field left out when empty ({@code omitempty}), so a deleted key is {@code {}}.
 */
public final class ConfigurationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigurationJson() {}

    /** The answer of {@code GET /v1.0/configuration/{store}}. */
    public static byte[] items(Map<String, ConfigurationItem> items) {
        return write(itemsNode(items));
    }

    /** The body daprd posts to {@code /configuration/{store}/{key}}: {@code {"id","items"}}. */
    static byte[] update(ConfigurationUpdate update) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", update.subscriptionId());
        body.set("items", itemsNode(update.items()));
        return write(body);
    }

    private static ObjectNode itemsNode(Map<String, ConfigurationItem> items) {
        ObjectNode node = JSON.createObjectNode();
        items.forEach((key, item) -> {
            ObjectNode field = node.putObject(key);
            if (!item.value().isEmpty()) {
                field.put("value", item.value());
            }
            if (!item.version().isEmpty()) {
                field.put("version", item.version());
            }
            if (!item.metadata().isEmpty()) {
                ObjectNode metadata = field.putObject("metadata");
                item.metadata().forEach(metadata::put);
            }
        });
        return node;
    }

    private static byte[] write(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

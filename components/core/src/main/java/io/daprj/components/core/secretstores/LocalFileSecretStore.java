package io.daprj.components.core.secretstores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.DefaultValue;
import io.daprj.spi.secretstores.SecretStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code secretstores.local.file}: secrets read once at init from a JSON file. Nested objects are flattened with
 * {@code nestedSeparator} ({@code {"a":{"b":"x"}}} gives secret {@code a:b}); with {@code multiValued: true} the
 * top-level keys are the secrets and what lies under each becomes that secret's key/value pairs. Immutable after
 * init, so thread safe.
 */
public final class LocalFileSecretStore implements SecretStore {

    /** Dapr's metadata for this store. */
    record Metadata(String secretsFile, @DefaultValue(":") String nestedSeparator, @DefaultValue("false") boolean multiValued) {}

    private Map<String, Map<String, String>> secrets = Map.of();
    private boolean multiValued;

    @Override
    public void init(ComponentMetadata metadata) throws IOException {
        Metadata m = metadata.bind(Metadata.class);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Path.of(m.secretsFile()).toFile());
        } catch (IOException e) {
            throw new IOException("cannot read secretsFile " + m.secretsFile() + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("secretsFile " + m.secretsFile() + " must hold a JSON object");
        }
        multiValued = m.multiValued();
        Map<String, Map<String, String>> loaded = new LinkedHashMap<>();
        if (multiValued) {
            root.properties().forEach(e -> {
                Map<String, String> values = new LinkedHashMap<>();
                if (e.getValue().isObject()) {
                    flatten("", e.getValue(), m.nestedSeparator(), values);
                } else {
                    values.put(e.getKey(), e.getValue().asText());
                }
                loaded.put(e.getKey(), Collections.unmodifiableMap(values));
            });
        } else {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", root, m.nestedSeparator(), flat);
            flat.forEach((k, v) -> loaded.put(k, Map.of(k, v)));
        }
        secrets = Collections.unmodifiableMap(loaded);
    }

    private static void flatten(String prefix, JsonNode node, String separator, Map<String, String> out) {
        node.properties().forEach(e -> {
            String key = prefix.isEmpty() ? e.getKey() : prefix + separator + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key, e.getValue(), separator, out);
            } else {
                out.put(key, e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        });
    }

    @Override
    public Optional<Map<String, String>> get(String name, Map<String, String> metadata) {
        return Optional.ofNullable(secrets.get(name));
    }

    @Override
    public Map<String, Map<String, String>> bulkGet(Map<String, String> metadata) {
        return secrets;
    }

    @Override
    public boolean multipleKeyValuesPerSecret() {
        return multiValued;
    }
}

package io.daprj.components.core.secretstores;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.secretstores.SecretStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code secretstores.local.env}: each environment variable of the sidecar is a secret with one value. With
 * metadata {@code prefix}, only variables starting with it are visible, under their name without the prefix.
 */
public final class LocalEnvSecretStore implements SecretStore {

    private final Map<String, String> all;
    private String prefix = "";

    public LocalEnvSecretStore() {
        this(System.getenv());
    }

    LocalEnvSecretStore(Map<String, String> environment) {
        this.all = Map.copyOf(environment);
    }

    @Override
    public void init(ComponentMetadata metadata) {
        prefix = metadata.get("prefix").orElse("");
    }

    @Override
    public Optional<Map<String, String>> get(String name, Map<String, String> metadata) {
        String value = all.get(prefix + name);
        return value == null ? Optional.empty() : Optional.of(Map.of(name, value));
    }

    @Override
    public Map<String, Map<String, String>> bulkGet(Map<String, String> metadata) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                String name = k.substring(prefix.length());
                out.put(name, Map.of(name, v));
            }
        });
        return out;
    }
}

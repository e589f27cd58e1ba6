package io.daprj.runtime.resources;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One {@code kind: Component} resource.
 *
 * @param source the file it came from, for error messages ({@code <embedded>} for defaults)
 * @param metadata the {@code spec.metadata} entries with plain values
 * @param scopes the app ids allowed to load it; empty for all
 * @param secretRefs metadata entries whose value comes from a secret store ({@code secretKeyRef})
 * @param secretStore the store named by {@code auth.secretStore}, or empty
 */
public record ComponentSpec(
        String name,
        String namespace,
        String type,
        String version,
        Map<String, String> metadata,
        List<String> scopes,
        boolean ignoreErrors,
        String source,
        Map<String, SecretRef> secretRefs,
        String secretStore) {

    /** A {@code secretKeyRef}: secret {@code name}, and the {@code key} inside it (the name when empty). */
    public record SecretRef(String name, String key) {}

    public ComponentSpec {
        secretRefs = Map.copyOf(secretRefs);
        requireNonNull(secretStore, "secretStore");
        requireNonNull(name, "name");
        requireNonNull(namespace, "namespace");
        requireNonNull(type, "type");
        requireNonNull(version, "version");
        metadata = Map.copyOf(metadata);
        scopes = List.copyOf(scopes);
        requireNonNull(source, "source");
    }

    /** The building block the type belongs to: {@code state} for {@code state.redis}. */
    public String category() {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    public boolean appliesTo(String appId) {
        return scopes.isEmpty() || scopes.contains(appId);
    }

    /** A copy whose metadata also holds the resolved secret values; the references stay for their names. */
    public ComponentSpec withResolvedSecrets(Map<String, String> values) {
        Map<String, String> merged = new java.util.HashMap<>(metadata);
        merged.putAll(values);
        return new ComponentSpec(name, namespace, type, version, merged, scopes, ignoreErrors, source, secretRefs, secretStore);
    }

    public String describe() {
        return "component '" + name + "' (" + type + "/" + version + ") from " + source;
    }
}

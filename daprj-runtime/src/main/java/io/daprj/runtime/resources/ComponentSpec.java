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
 */
public record ComponentSpec(
        String name,
        String namespace,
        String type,
        String version,
        Map<String, String> metadata,
        List<String> scopes,
        boolean ignoreErrors,
        String source) {

    public ComponentSpec {
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

    public String describe() {
        return "component '" + name + "' (" + type + "/" + version + ") from " + source;
    }
}

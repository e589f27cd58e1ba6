package io.daprj.spi;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The metadata of one component as resolved by the runtime: plain string values, keys matched case-insensitively
 * as Dapr does.
 *
 * @param name the component name ({@code metadata.name})
 * @param type the component type ({@code spec.type})
 * @param version the component version ({@code spec.version})
 * @param properties the resolved {@code spec.metadata} entries
 * @param appId the id of the app this sidecar serves (may be empty)
 * @param namespace the namespace of this sidecar (may be empty)
 */
public record ComponentMetadata(
        String name, String type, String version, Map<String, String> properties, String appId, String namespace) {

    public ComponentMetadata {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(version, "version");
        requireNonNull(appId, "appId");
        requireNonNull(namespace, "namespace");
        TreeMap<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(requireNonNull(properties, "properties"));
        properties = java.util.Collections.unmodifiableMap(ci);
    }

    /** Metadata for tests and embedded defaults. */
    public static ComponentMetadata of(String name, String type, Map<String, String> properties) {
        return new ComponentMetadata(name, type, "v1", properties, "", "");
    }

    /** The value of {@code key}, if present and not blank. */
    public Optional<String> get(String key) {
        String value = properties.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Binds the properties to a record whose component names are metadata keys; see {@link MetadataBinder}. */
    public <R extends Record> R bind(Class<R> type) {
        return MetadataBinder.bind(this, type);
    }

    @Override
    public String toString() {
        return "component '" + name + "' (" + type + "/" + version + ")";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

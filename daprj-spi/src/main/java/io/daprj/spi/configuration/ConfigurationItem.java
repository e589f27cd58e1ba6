package io.daprj.spi.configuration;

import java.util.Map;
import java.util.Objects;

/**
 * One configuration value as a store holds it, after Dapr's {@code configuration.Item}. A deleted key is reported
 * by stores without the old row as {@link #EMPTY}.
 *
 * @param value the value; empty for a deleted key
 * @param version the store's version of the value; empty when the store keeps none
 * @param metadata extra properties of the item; never null
 */
public record ConfigurationItem(String value, String version, Map<String, String> metadata) {

    /** The item of a key that is gone, when the store cannot tell its last value: all fields empty. */
    public static final ConfigurationItem EMPTY = new ConfigurationItem("", "", Map.of());

    public ConfigurationItem {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(version, "version");
        metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
    }

    /** An item with no metadata. */
    public static ConfigurationItem of(String value, String version) {
        return new ConfigurationItem(value, version, Map.of());
    }
}

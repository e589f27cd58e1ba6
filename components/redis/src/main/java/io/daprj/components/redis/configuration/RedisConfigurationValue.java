package io.daprj.components.redis.configuration;

import io.daprj.spi.configuration.ConfigurationItem;
import java.util.Optional;

/** Dapr's Redis configuration value format: {@code value||version} in a string key; the version may be left out. */
final class RedisConfigurationValue {

    private static final String SEPARATOR = "||";

    private RedisConfigurationValue() {}

    /**
     * The item a stored string holds, as Dapr reads it: the text before the first {@code ||} is the value, the text
     * up to the next {@code ||} the version. Dapr skips keys whose value is empty, and so do we.
     */
    static Optional<ConfigurationItem> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        int first = stored.indexOf(SEPARATOR);
        String value = first < 0 ? stored : stored.substring(0, first);
        String version = "";
        if (first >= 0) {
            int from = first + SEPARATOR.length();
            int second = stored.indexOf(SEPARATOR, from);
            version = second < 0 ? stored.substring(from) : stored.substring(from, second);
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(ConfigurationItem.of(value, version));
    }

    /** The string Dapr's tools store for an item. */
    static String format(ConfigurationItem item) {
        return item.value() + SEPARATOR + item.version();
    }
}

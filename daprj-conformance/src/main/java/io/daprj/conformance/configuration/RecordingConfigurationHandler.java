package io.daprj.conformance.configuration;

import io.daprj.spi.configuration.ConfigurationHandler;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every item a subscription was told of, per key, in the order they came. */
final class RecordingConfigurationHandler implements ConfigurationHandler {

    private final String keyPrefix;
    private final Map<String, List<ConfigurationItem>> seen = new LinkedHashMap<>();
    private final List<String> subscriptionIds = new ArrayList<>();

    /** Records only keys starting with {@code keyPrefix}: the backend may be shared with other runs. */
    RecordingConfigurationHandler(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    @Override
    public synchronized void onUpdate(ConfigurationUpdate update) {
        subscriptionIds.add(update.subscriptionId());
        update.items().forEach((key, item) -> {
            if (key.startsWith(keyPrefix)) {
                seen.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
            }
        });
    }

    /** A copy of what was seen so far, per key. */
    synchronized Map<String, List<ConfigurationItem>> seen() {
        Map<String, List<ConfigurationItem>> copy = new LinkedHashMap<>();
        seen.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** The subscription id of every update, in order. */
    synchronized List<String> subscriptionIds() {
        return List.copyOf(subscriptionIds);
    }
}

package io.daprj.runtime.configuration;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.ComponentProvider;
import io.daprj.spi.configuration.ConfigurationHandler;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationStore;
import io.daprj.spi.configuration.ConfigurationUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test-only configuration store ({@code configuration.test-memory}) that tests write to directly, found by its
 * component name. Metadata {@code fail: "true"} makes every call fail, as a broken backend would.
 */
public final class MemoryConfigurationStore implements ConfigurationStore {

    private static final Map<String, MemoryConfigurationStore> BY_NAME = new ConcurrentHashMap<>();

    private record Subscription(Set<String> keys, ConfigurationHandler handler) {}

    private final Map<String, ConfigurationItem> items = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private boolean failing;

    /** The store a sidecar of this JVM loaded under {@code name}. */
    static MemoryConfigurationStore named(String name) {
        return BY_NAME.get(name);
    }

    @Override
    public void init(ComponentMetadata metadata) {
        failing = "true".equals(metadata.properties().get("fail"));
        BY_NAME.put(metadata.name(), this);
    }

    /** Sets (or, with null, deletes) a key and tells the subscriptions watching it. */
    void put(String key, ConfigurationItem item) {
        if (item == null) {
            items.remove(key);
        } else {
            items.put(key, item);
        }
        subscriptions.forEach((id, s) -> {
            if (s.keys().isEmpty() || s.keys().contains(key)) {
                notifier.execute(() -> s.handler().onUpdate(new ConfigurationUpdate(id,
                        Map.of(key, item == null ? ConfigurationItem.EMPTY : item))));
            }
        });
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    @Override
    public Map<String, ConfigurationItem> get(List<String> keys, Map<String, String> metadata) {
        failIfBroken();
        Map<String, ConfigurationItem> found = new LinkedHashMap<>();
        (keys.isEmpty() ? List.copyOf(items.keySet()) : keys).forEach(k -> {
            if (items.containsKey(k)) {
                found.put(k, items.get(k));
            }
        });
        return found;
    }

    @Override
    public String subscribe(List<String> keys, Map<String, String> metadata, ConfigurationHandler handler) {
        failIfBroken();
        String id = UUID.randomUUID().toString();
        subscriptions.put(id, new Subscription(Set.copyOf(keys), handler));
        return id;
    }

    @Override
    public void unsubscribe(String subscriptionId) {
        if (subscriptions.remove(subscriptionId) == null) {
            throw new IllegalArgumentException("subscription with id " + subscriptionId + " does not exist");
        }
    }

    private void failIfBroken() {
        if (failing) {
            throw new IllegalStateException("backend unreachable");
        }
    }

    @Override
    public void close() {
        subscriptions.clear();
        notifier.shutdown();
    }

    /** {@code configuration.test-memory}. */
    public static final class Provider implements ComponentProvider<ConfigurationStore> {
        @Override
        public String type() {
            return "configuration.test-memory";
        }

        @Override
        public Class<ConfigurationStore> kind() {
            return ConfigurationStore.class;
        }

        @Override
        public ConfigurationStore create() {
            return new MemoryConfigurationStore();
        }
    }
}

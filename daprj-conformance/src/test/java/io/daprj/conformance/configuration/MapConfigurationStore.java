package io.daprj.conformance.configuration;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.configuration.ConfigurationHandler;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationStore;
import io.daprj.spi.configuration.ConfigurationUpdate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-memory configuration store for testing the suite itself, with defects that can be switched on; it is its
 * own backend, shared by every store of one suite class through {@code items}.
 */
final class MapConfigurationStore implements ConfigurationStore, ConfigurationBackend {

    enum Fault { KEEPS_NOTIFYING_AFTER_UNSUBSCRIBE, NOTIFIES_UNWATCHED_KEYS, SILENT_ON_DELETE, GETS_EVERY_KEY }

    private record Watch(Set<String> keys, ConfigurationHandler handler) {}

    private final Map<String, ConfigurationItem> items;
    private final Set<Fault> faults;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final Map<String, Watch> unsubscribed = new ConcurrentHashMap<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

    MapConfigurationStore(Map<String, ConfigurationItem> items, Set<Fault> faults) {
        this.items = items;
        this.faults = faults;
    }

    @Override
    public void init(ComponentMetadata metadata) {}

    @Override
    public Map<String, ConfigurationItem> get(List<String> keys, Map<String, String> metadata) {
        Map<String, ConfigurationItem> found = new LinkedHashMap<>();
        items.forEach((key, item) -> {
            if (keys.isEmpty() || keys.contains(key) || faults.contains(Fault.GETS_EVERY_KEY)) {
                found.put(key, item);
            }
        });
        return found;
    }

    @Override
    public String subscribe(List<String> keys, Map<String, String> metadata, ConfigurationHandler handler) {
        String id = UUID.randomUUID().toString();
        watches.put(id, new Watch(Set.copyOf(keys), handler));
        return id;
    }

    @Override
    public void unsubscribe(String subscriptionId) {
        Watch watch = watches.remove(subscriptionId);
        if (watch == null) {
            throw new IllegalArgumentException("no subscription " + subscriptionId);
        }
        if (faults.contains(Fault.KEEPS_NOTIFYING_AFTER_UNSUBSCRIBE)) {
            unsubscribed.put(subscriptionId, watch);
        }
    }

    @Override
    public void put(Map<String, ConfigurationItem> changes) {
        items.putAll(changes);
        changes.forEach(this::notifyChange);
    }

    @Override
    public void delete(Collection<String> keys) {
        for (String key : keys) {
            items.remove(key);
            if (!faults.contains(Fault.SILENT_ON_DELETE)) {
                notifyChange(key, ConfigurationItem.EMPTY);
            }
        }
    }

    private void notifyChange(String key, ConfigurationItem item) {
        Map<String, Watch> all = new LinkedHashMap<>(watches);
        all.putAll(unsubscribed);
        all.forEach((id, watch) -> {
            boolean watched = watch.keys().isEmpty() || watch.keys().contains(key)
                    || faults.contains(Fault.NOTIFIES_UNWATCHED_KEYS);
            if (watched) {
                notifier.execute(() -> watch.handler().onUpdate(new ConfigurationUpdate(id, Map.of(key, item))));
            }
        });
    }

    @Override
    public void close() {
        watches.clear();
        unsubscribed.clear();
        notifier.shutdown();
    }
}

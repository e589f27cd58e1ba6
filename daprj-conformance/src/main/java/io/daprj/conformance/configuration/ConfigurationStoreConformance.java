package io.daprj.conformance.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every configuration store must do, after Dapr's configuration conformance: get listed keys, every key and
 * missing keys; three subscribers (two key lists and "all keys") told of updates, adds and deletes of their keys
 * only; unsubscribe stops notifications. Beyond Dapr's suite: subscribe is ready when it returns, an update reaches
 * the subscriber within a second, and an unknown subscription id is refused.
 *
 * <p>A subclass returns a new, initialised store and a {@link ConfigurationBackend} writing to the same backend.
 * Keys are {@code <run>_key_<n>} (letters, digits and {@code _}), fresh per test, so stores may share a backend with
 * other runs; "every key" answers and all-keys subscriptions are checked on this run's keys only.
 */
public abstract class ConfigurationStoreConformance {

    private static final Duration DELIVERY = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);

    private ConfigurationStore store;
    private String run;
    private int counter;

    /** A new store, initialised. */
    protected abstract ConfigurationStore newStore() throws Exception;

    /** Writes to the backend {@link #newStore} reads. */
    protected abstract ConfigurationBackend backend();

    /**
     * What a subscriber is told of a deleted key whose last item was {@code last}: Dapr's Redis store can only say
     * {@link ConfigurationItem#EMPTY}; its PostgreSQL store sends the deleted row.
     */
    protected ConfigurationItem deletedItem(ConfigurationItem last) {
        return ConfigurationItem.EMPTY;
    }

    @BeforeEach
    void open() throws Exception {
        store = newStore();
        run = "conf_" + UUID.randomUUID().toString().replace("-", "");
        counter = 0;
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void getWithKeysReturnsExactlyThoseItems() throws Exception {
        Map<String, ConfigurationItem> first = put(fresh(3, "1"));
        put(fresh(3, "1"));
        assertThat(store.get(List.copyOf(first.keySet()), Map.of())).isEqualTo(first);
    }

    @Test
    void getWithNoKeysReturnsEveryItem() throws Exception {
        Map<String, ConfigurationItem> all = new LinkedHashMap<>(put(fresh(3, "1")));
        all.putAll(put(fresh(3, "2")));
        assertThat(ours(store.get(List.of(), Map.of()))).isEqualTo(all);
    }

    @Test
    void missingKeysAreLeftOutOfTheAnswer() throws Exception {
        Map<String, ConfigurationItem> present = put(fresh(2, "1"));
        List<String> missing = List.copyOf(fresh(2, "1").keySet());
        assertThat(store.get(missing, Map.of())).isEmpty();
        List<String> mixed = new ArrayList<>(present.keySet());
        mixed.addAll(missing);
        assertThat(store.get(mixed, Map.of())).isEqualTo(present);
    }

    @Test
    void subscribersAreToldOfUpdatesAddsAndDeletesOfTheirKeysOnly() throws Exception {
        Map<String, ConfigurationItem> group1 = put(fresh(3, "1"));
        Map<String, ConfigurationItem> group2 = put(fresh(3, "1"));
        RecordingConfigurationHandler sub1 = subscribe(List.copyOf(group1.keySet()));
        RecordingConfigurationHandler sub2 = subscribe(keysOf(group1, group2));
        RecordingConfigurationHandler sub3 = subscribe(List.of());

        Map<String, ConfigurationItem> updated1 = put(updated(group1, "2"));
        Map<String, ConfigurationItem> updated2 = put(updated(group2, "2"));
        Map<String, ConfigurationItem> added = put(fresh(3, "1"));
        awaitSeen(sub1, expect(updated1));
        awaitSeen(sub2, expect(updated1, updated2));
        awaitSeen(sub3, expect(updated1, updated2, added));

        backend().delete(group2.keySet());
        Map<String, ConfigurationItem> deleted = new LinkedHashMap<>();
        updated2.forEach((key, item) -> deleted.put(key, deletedItem(item)));
        awaitSeen(sub2, expect(updated1, updated2).with(deleted));
        awaitSeen(sub3, expect(updated1, updated2, added).with(deleted));
        Thread.sleep(QUIET.toMillis());
        assertThat(sub1.seen()).as("subscriber 1 watches group 1 only").isEqualTo(expect(updated1).items);
        assertThat(sub2.seen()).as("subscriber 2 is not told of keys added later")
                .isEqualTo(expect(updated1, updated2).with(deleted).items);
    }

    @Test
    void unsubscribeStopsNotifications() throws Exception {
        Map<String, ConfigurationItem> items = put(fresh(2, "1"));
        RecordingConfigurationHandler stopped = new RecordingConfigurationHandler(run);
        String stoppedId = store.subscribe(List.copyOf(items.keySet()), Map.of(), stopped);
        RecordingConfigurationHandler still = subscribe(List.copyOf(items.keySet()));
        RecordingConfigurationHandler all = subscribe(List.of());

        store.unsubscribe(stoppedId);
        Map<String, ConfigurationItem> updated = put(updated(items, "2"));
        awaitSeen(still, expect(updated));
        awaitSeen(all, expect(updated));
        Thread.sleep(QUIET.toMillis());
        assertThat(stopped.seen()).as("after unsubscribe").isEmpty();
    }

    @Test
    void updatesCarryTheSubscriptionId() throws Exception {
        Map<String, ConfigurationItem> items = put(fresh(1, "1"));
        RecordingConfigurationHandler handler = new RecordingConfigurationHandler(run);
        String id = store.subscribe(List.copyOf(items.keySet()), Map.of(), handler);
        awaitSeen(handler, expect(put(updated(items, "2"))));
        assertThat(handler.subscriptionIds()).containsOnly(id);
    }

    @Test
    void anUpdateReachesTheSubscriberWithinASecond() throws Exception {
        Map<String, ConfigurationItem> items = put(fresh(1, "1"));
        RecordingConfigurationHandler handler = subscribe(List.copyOf(items.keySet()));
        Map<String, ConfigurationItem> updated = put(updated(items, "2"));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> handler.seen().equals(expect(updated).items));
    }

    @Test
    void unsubscribingAnUnknownIdIsRefused() {
        assertThatThrownBy(() -> store.unsubscribe("no-such-" + run)).isInstanceOf(IllegalArgumentException.class);
    }

    private RecordingConfigurationHandler subscribe(List<String> keys) {
        RecordingConfigurationHandler handler = new RecordingConfigurationHandler(run);
        assertThat(store.subscribe(keys, Map.of(), handler)).isNotBlank();
        return handler;
    }

    private Map<String, ConfigurationItem> put(Map<String, ConfigurationItem> items) throws Exception {
        backend().put(items);
        return items;
    }

    /** {@code n} keys not used before in this test, with values unique to this run. */
    private Map<String, ConfigurationItem> fresh(int n, String version) {
        Map<String, ConfigurationItem> items = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int k = counter++;
            items.put(run + "_key_" + k, ConfigurationItem.of(run + "_val_" + k, version));
        }
        return items;
    }

    private Map<String, ConfigurationItem> updated(Map<String, ConfigurationItem> items, String version) {
        Map<String, ConfigurationItem> next = new LinkedHashMap<>();
        items.keySet().forEach(key -> next.put(key, ConfigurationItem.of(run + "_val_" + counter++, version)));
        return next;
    }

    private Map<String, ConfigurationItem> ours(Map<String, ConfigurationItem> items) {
        return items.entrySet().stream().filter(e -> e.getKey().startsWith(run))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @SafeVarargs
    private static List<String> keysOf(Map<String, ConfigurationItem>... groups) {
        List<String> keys = new ArrayList<>();
        for (Map<String, ConfigurationItem> group : groups) {
            keys.addAll(group.keySet());
        }
        return keys;
    }

    @SafeVarargs
    private static Expected expect(Map<String, ConfigurationItem>... changes) {
        return new Expected(new LinkedHashMap<>()).with(changes);
    }

    private static void awaitSeen(RecordingConfigurationHandler handler, Expected expected) {
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(handler.seen()).isEqualTo(expected.items));
    }

    /** The items a subscriber should have been told of, per key, in order. */
    private record Expected(Map<String, List<ConfigurationItem>> items) {

        @SafeVarargs
        final Expected with(Map<String, ConfigurationItem>... changes) {
            Map<String, List<ConfigurationItem>> next = new LinkedHashMap<>();
            items.forEach((k, v) -> next.put(k, new ArrayList<>(v)));
            for (Map<String, ConfigurationItem> change : changes) {
                change.forEach((key, item) -> next.computeIfAbsent(key, k -> new ArrayList<>()).add(item));
            }
            return new Expected(next);
        }
    }
}

package io.daprj.components.postgres.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@code configuration.postgresql} does beyond the conformance suite, as Dapr's store does it. */
class PostgresConfigurationStoreTest {

    private static PostgresConfigurationTable table;

    @BeforeAll
    static void createTable() throws Exception {
        table = new PostgresConfigurationTable();
    }

    @AfterAll
    static void dropTable() throws Exception {
        table.close();
    }

    private static PostgresConfigurationStore store(Map<String, String> extra) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "connectionString", PostgresConfigurationTable.CONNECTION_STRING, "table", table.name));
        properties.putAll(extra);
        PostgresConfigurationStore store = new PostgresConfigurationStore();
        store.init(ComponentMetadata.of("configstore", "configuration.postgresql", properties));
        return store;
    }

    @Test
    void theRowWithTheHighestNumericVersionWins() throws Exception {
        PostgresConfigurationTable.execute("INSERT INTO " + table.name + " VALUES ('multi', 'old', '2', NULL),"
                + " ('multi', 'new', '10', '{\"env\":\"prod\"}'), ('multi', 'text', 'v3', NULL)");
        try (PostgresConfigurationStore store = store(Map.of())) {
            assertThat(store.get(List.of("multi"), Map.of()))
                    .containsExactly(Map.entry("multi", new ConfigurationItem("new", "10", Map.of("env", "prod"))));
        }
    }

    @Test
    void theChannelMayComeFromTheRequestsPgNotifyChannel() throws Exception {
        try (PostgresConfigurationStore store = store(Map.of())) {
            assertThatThrownBy(() -> store.subscribe(List.of(), Map.of(), u -> { }))
                    .hasMessageContaining("notifyChannel must be set");
            List<ConfigurationUpdate> updates = new CopyOnWriteArrayList<>();
            store.subscribe(List.of("fromrequest"), Map.of("pgNotifyChannel", table.name), updates::add);
            table.put(Map.of("fromrequest", ConfigurationItem.of("v", "1")));
            await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() == 1);
            assertThat(updates.getFirst().items()).containsEntry("fromrequest", ConfigurationItem.of("v", "1"));
        }
    }

    @Test
    void badNamesAreRefusedLikeDapr() {
        assertThatThrownBy(() -> store(Map.of("table", "Bad-Table"))).hasMessageContaining("'table'");
        assertThatThrownBy(() -> store(Map.of("table", "daprj_no_such_table"))).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> store(Map.of("notifyChannel", "Upper"))).hasMessageContaining("'notifyChannel'");
        try (PostgresConfigurationStore store = store(Map.of())) {
            assertThatThrownBy(() -> store.get(List.of("a'; DROP TABLE x; --"), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid key");
        }
    }
}

package io.daprj.components.mysql.state;

import static io.daprj.conformance.state.StateRequests.bytes;
import static io.daprj.conformance.state.StateRequests.get;
import static io.daprj.conformance.state.StateRequests.set;
import static io.daprj.conformance.state.StateRequests.setWithTtl;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.daprj.conformance.state.ConcurrentEtagWriters;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.ComponentProvider;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the conformance suite cannot see: Dapr's layout on disk, upgrades, cleanup, contention, metadata. */
class MySqlStateStoreTest {

    private final MySqlTestDatabase db = new MySqlTestDatabase();

    @AfterEach
    void dropSchema() throws SQLException {
        db.drop();
    }

    @Test
    void storesBase64InAJsonColumnWithAUuidEtag() throws SQLException {
        try (MySqlStateStore store = db.store(Map.of())) {
            store.set(setWithTtl("k", "{\"a\":1}", "100"));
            StateItem item = store.get(get("k")).orElseThrow();
            List<String> row = MySqlTestDatabase.row("SELECT JSON_UNQUOTE(value), isbinary, eTag,"
                    + " expiredate > NOW() FROM `" + db.schema + "`.state WHERE id = 'k'");
            assertThat(Base64.getDecoder().decode(row.get(0))).containsExactly(bytes("{\"a\":1}"));
            assertThat(row.subList(1, 4)).containsExactly("1", item.etag().orElseThrow(), "1");
            assertThat(item.etag().orElseThrow()).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void readsAJsonRowDaprWroteFromHttp() throws SQLException {
        try (MySqlStateStore store = db.store(Map.of())) {
            MySqlTestDatabase.execute("INSERT INTO `" + db.schema + "`.state (id, value, isbinary, eTag)"
                    + " VALUES ('dapr', '{\"b\":[1,2]}', 0, 'e1')");
            StateItem item = store.get(get("dapr")).orElseThrow();
            assertThat(new String(item.data(), UTF_8)).isEqualTo("{\"b\":[1,2]}");
            assertThat(item.etag()).contains("e1");
        }
    }

    @Test
    void tableFromAnOlderDaprGetsExpiryAndRowIdColumns() throws SQLException {
        MySqlTestDatabase.execute("CREATE DATABASE `" + db.schema + "`");
        MySqlTestDatabase.execute("CREATE TABLE `" + db.schema + "`.state (id VARCHAR(255) NOT NULL PRIMARY KEY,"
                + " value JSON NOT NULL, isbinary BOOLEAN NOT NULL, eTag VARCHAR(36) NOT NULL)");
        MySqlTestDatabase.execute("INSERT INTO `" + db.schema + "`.state VALUES ('old', '1', 0, 'e')");
        try (MySqlStateStore store = db.store(Map.of())) {
            assertThat(store.get(get("old")).orElseThrow().data()).containsExactly(bytes("1"));
            store.set(setWithTtl("new", "2", "100"));
            assertThat(store.get(get("new"))).isPresent();
        }
        assertThat(MySqlTestDatabase.row("SELECT row_id FROM `" + db.schema + "`.state WHERE id = 'old'"))
                .containsExactly("1");
    }

    @Test
    void cleanupDeletesExpiredRowsAndTakesTurns() throws SQLException {
        try (MySqlStateStore store = db.store(Map.of("cleanupInterval", "1h"))) {
            store.set(setWithTtl("short", "1", "1"));
            store.set(set("forever", "2"));
            await().atMost(Duration.ofSeconds(5)).until(() -> store.get(get("short")).isEmpty());
            String count = "SELECT COUNT(*) FROM `" + db.schema + "`.state";
            assertThat(MySqlTestDatabase.row(count)).containsExactly("2");
            assertThat(store.cleanupExpired()).isEqualTo(1);
            assertThat(MySqlTestDatabase.row(count)).containsExactly("1");
            assertThat(store.cleanupExpired()).as("not this store's turn again within the interval").isEqualTo(-1);
        }
    }

    @Test
    void cleanupRunsOnItsOwnScheduleAndCanBeTurnedOff() throws SQLException {
        try (MySqlStateStore store = db.store(Map.of("cleanupIntervalInSeconds", "1"))) {
            store.set(setWithTtl("short", "1", "1"));
            await().atMost(Duration.ofSeconds(8)).until(() -> MySqlTestDatabase.row(
                    "SELECT COUNT(*) FROM `" + db.schema + "`.state").equals(List.of("0")));
        }
        try (MySqlStateStore off = db.store(Map.of("cleanupInterval", "0"))) {
            assertThat(off.cleanupExpired()).isEqualTo(-1);
        }
    }

    @Test
    void concurrentWritersWithEtagsLoseNoUpdate() throws Exception {
        try (MySqlStateStore store = db.store(Map.of())) {
            store.set(set("counter", "0"));
            int writers = 6;
            int incrementsEach = 15;
            ConcurrentEtagWriters.increment(store, "counter", writers, incrementsEach);
            assertThat(new String(store.get(get("counter")).orElseThrow().data(), UTF_8))
                    .isEqualTo(String.valueOf(writers * incrementsEach));
        }
    }

    @Test
    void jdbcUrlConnectionStringReachesTheServer() throws SQLException {
        try (StateStore store = db.store(Map.of("connectionString", MySqlTestDatabase.JDBC_URL))) {
            store.set(set("k", "1"));
            assertThat(store.get(get("k"))).isPresent();
        }
    }

    @Test
    void badMetadataIsReportedByFieldName() {
        assertThatThrownBy(() -> db.store(Map.of("tableName", "state; DROP"))).hasMessageContaining("tableName");
        assertThatThrownBy(() -> db.store(Map.of("schemaName", "a-b"))).hasMessageContaining("schemaName");
        assertThatThrownBy(() -> db.store(Map.of("timeoutInSeconds", "abc"))).hasMessageContaining("timeoutInSeconds");
        assertThatThrownBy(() -> new MySqlStateStore().init(ComponentMetadata.of("s", "state.mysql", Map.of())))
                .hasMessageContaining("connectionString");
    }

    @Test
    void pemPathIsToleratedWithoutTls() throws SQLException {
        db.store(Map.of("pemPath", "/nonexistent.pem")).close();
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        assertThat(ServiceLoader.load(ComponentProvider.class).stream().map(p -> p.get().type()).toList())
                .contains("state.mysql");
    }
}

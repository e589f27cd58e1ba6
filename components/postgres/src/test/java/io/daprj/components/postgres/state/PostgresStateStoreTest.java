package io.daprj.components.postgres.state;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the conformance suite cannot see: Dapr's two layouts on disk, migrations, cleanup, contention, metadata. */
class PostgresStateStoreTest {

    private final PostgresTestDatabase db = new PostgresTestDatabase();

    @AfterEach
    void dropTables() throws SQLException {
        db.dropTables();
    }

    @Test
    void v1StoresBase64InJsonbWithXminAsEtag() throws SQLException {
        try (PostgresStateStore store = db.store("v1", Map.of())) {
            store.set(set("k", "{\"a\":1}"));
            StateItem item = store.get(get("k")).orElseThrow();
            List<String> row = row("SELECT value #>> '{}', isbinary::text, xmin::text FROM " + db.v1Table()
                    + " WHERE key = 'k'");
            assertThat(Base64.getDecoder().decode(row.get(0))).containsExactly(bytes("{\"a\":1}"));
            assertThat(row.get(1)).isEqualTo("true");
            assertThat(item.etag()).contains(row.get(2));
        }
    }

    @Test
    void v1ReadsAJsonRowDaprWroteFromHttp() throws SQLException {
        try (PostgresStateStore store = db.store("v1", Map.of())) {
            PostgresTestDatabase.execute("INSERT INTO " + db.v1Table()
                    + " (key, value, isbinary) VALUES ('dapr', '{\"b\": [1, 2]}', false)");
            assertThat(new String(store.get(get("dapr")).orElseThrow().data(), UTF_8)).isEqualTo("{\"b\": [1, 2]}");
        }
    }

    @Test
    void v2StoresRawBytesWithAUuidEtag() throws SQLException {
        try (PostgresStateStore store = db.store("v2", Map.of())) {
            store.set(set("k", "raw"));
            StateItem item = store.get(get("k")).orElseThrow();
            List<String> row = row("SELECT convert_from(value, 'UTF8'), etag::text FROM " + db.v2Prefix()
                    + "state WHERE key = 'k'");
            assertThat(row.get(0)).isEqualTo("raw");
            assertThat(item.etag()).contains(row.get(1));
        }
    }

    @Test
    void aSecondV1TableSharingTheMetadataTableIsStillCreated() throws SQLException {
        db.store("v1", Map.of()).close();
        String second = db.v1Table() + "_second";
        try (PostgresStateStore store = db.store("v1", Map.of("tableName", second))) {
            store.set(set("k", "{\"a\":1}"));
            assertThat(store.get(get("k"))).isPresent();
        } finally {
            PostgresTestDatabase.execute("DROP TABLE IF EXISTS " + second);
        }
    }

    @Test
    void migrationsAreRecordedUnderDaprsKeys() throws SQLException {
        db.store("v1", Map.of()).close();
        db.store("v2", Map.of()).close();
        assertThat(row("SELECT value FROM " + db.metadataTable() + " WHERE key = 'migrations'")).containsExactly("3");
        assertThat(row("SELECT value FROM " + db.metadataTable() + " WHERE key = 'migrations-state-v2-"
                + db.v2Prefix() + "'")).containsExactly("2");
    }

    @Test
    void tableFromAnOlderDaprGetsTheMissingMigrations() throws SQLException {
        PostgresTestDatabase.execute("CREATE TABLE " + db.metadataTable() + " (key text PRIMARY KEY, value text NOT NULL);"
                + " INSERT INTO " + db.metadataTable() + " VALUES ('migrations', '2');"
                + " CREATE TABLE " + db.v1Table() + " (key text NOT NULL PRIMARY KEY, value jsonb NOT NULL,"
                + " isbinary boolean NOT NULL, insertdate timestamptz NOT NULL DEFAULT now(), updatedate timestamptz,"
                + " expiredate timestamptz);"
                + " INSERT INTO " + db.v1Table() + " (key, value, isbinary) VALUES ('old', '1', false)");
        try (PostgresStateStore store = db.store("v1", Map.of())) {
            assertThat(store.get(get("old")).orElseThrow().data()).containsExactly(bytes("1"));
        }
        assertThat(row("SELECT row_id::text FROM " + db.v1Table() + " WHERE key = 'old'")).containsExactly("1");
        assertThat(row("SELECT value FROM " + db.metadataTable() + " WHERE key = 'migrations'")).containsExactly("3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void cleanupDeletesExpiredRowsAndTakesTurns(String version) throws SQLException {
        try (PostgresStateStore store = db.store(version, Map.of("cleanupInterval", "1h"))) {
            store.set(setWithTtl("short", "1", "1"));
            store.set(set("forever", "2"));
            await().atMost(Duration.ofSeconds(5)).until(() -> store.get(get("short")).isEmpty());
            String table = version.equals("v1") ? db.v1Table() : db.v2Prefix() + "state";
            assertThat(row("SELECT count(*)::text FROM " + table)).containsExactly("2");
            assertThat(store.cleanupExpired()).isEqualTo(1);
            assertThat(row("SELECT count(*)::text FROM " + table)).containsExactly("1");
            assertThat(store.cleanupExpired()).as("not this store's turn again within the interval").isEqualTo(-1);
        }
    }

    @Test
    void cleanupRunsOnItsOwnScheduleAndCanBeTurnedOff() throws SQLException {
        try (PostgresStateStore store = db.store("v2", Map.of("cleanupInterval", "1s"))) {
            store.set(setWithTtl("short", "1", "1"));
            await().atMost(Duration.ofSeconds(8)).until(
                    () -> row("SELECT count(*)::text FROM " + db.v2Prefix() + "state").equals(List.of("0")));
        }
        try (PostgresStateStore off = db.store("v2", Map.of("cleanupIntervalInSeconds", "0"))) {
            assertThat(off.cleanupExpired()).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void concurrentWritersWithEtagsLoseNoUpdate(String version) throws Exception {
        try (PostgresStateStore store = db.store(version, Map.of("maxConns", "8"))) {
            store.set(set("counter", "0"));
            int writers = 8;
            int incrementsEach = 20;
            ConcurrentEtagWriters.increment(store, "counter", writers, incrementsEach);
            assertThat(new String(store.get(get("counter")).orElseThrow().data(), UTF_8))
                    .isEqualTo(String.valueOf(writers * incrementsEach));
        }
    }

    @Test
    void urlAndJdbcConnectionStringsReachTheServer() throws SQLException {
        for (String cs : List.of("postgres://postgres@127.0.0.1:5432/test?sslmode=disable",
                PostgresTestDatabase.JDBC_URL)) {
            try (StateStore store = db.store("v2", Map.of("connectionString", cs))) {
                store.set(set("k", cs));
                assertThat(new String(store.get(get("k")).orElseThrow().data(), UTF_8)).isEqualTo(cs);
            }
        }
    }

    @Test
    void badMetadataIsReportedByFieldName() {
        assertThatThrownBy(() -> db.store("v1", Map.of("tableName", "state; DROP TABLE x")))
                .hasMessageContaining("tableName");
        assertThatThrownBy(() -> db.store("v1", Map.of("timeout", "500ms"))).hasMessageContaining("timeout");
        assertThatThrownBy(() -> db.store("v1", Map.of("maxConns", "0"))).hasMessageContaining("maxConns");
        assertThatThrownBy(() -> new PostgresStateStore().init(
                ComponentMetadata.of("s", "state.postgresql", Map.of()))).hasMessageContaining("connectionString");
    }

    @Test
    void unreachableServerFailsInit() {
        assertThatThrownBy(() -> db.store("v1", Map.of("connectionString", "host=127.0.0.1 port=1 user=postgres",
                "timeout", "2s"))).isNotNull();
    }

    @Test
    void providerServesBothVersionsUnderBothNames() {
        ComponentProvider<?> provider = ServiceLoader.load(ComponentProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.type().equals("state.postgresql"))
                .findFirst().orElseThrow();
        assertThat(provider.aliases()).containsExactly("state.postgres");
        assertThat(provider.versions()).containsExactly("v1", "v2");
        assertThat(provider.create()).isInstanceOf(PostgresStateStore.class);
    }

    private static List<String> row(String sql) throws SQLException {
        try (Connection c = PostgresTestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
            return values;
        }
    }
}

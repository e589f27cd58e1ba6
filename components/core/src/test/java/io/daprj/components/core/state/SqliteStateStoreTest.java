package io.daprj.components.core.state;

import static io.daprj.conformance.state.StateRequests.get;
import static io.daprj.conformance.state.StateRequests.set;
import static io.daprj.conformance.state.StateRequests.setWithEtag;
import static io.daprj.conformance.state.StateRequests.setWithTtl;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateTtl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite store does beyond the conformance suite: sharing a file, cleanup, metadata, Dapr's rows. */
class SqliteStateStoreTest {

    @TempDir
    Path dir;

    private final List<SqliteStateStore> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(SqliteStateStore::close);
    }

    @Test
    void twoStoresOnOneFileSeeEachOthersWritesAndEtags() {
        SqliteStateStore a = open(Map.of());
        SqliteStateStore b = open(Map.of());
        a.set(set("k", "1"));
        assertThat(text(b, "k")).isEqualTo("1");
        String etag = b.get(get("k")).orElseThrow().etag().orElseThrow();
        b.set(setWithEtag("k", "2", etag));
        assertThatThrownBy(() -> a.set(setWithEtag("k", "3", etag))).isInstanceOf(ETagMismatchException.class);
        assertThat(text(a, "k")).isEqualTo("2");
    }

    @Test
    void concurrentWritersOnTwoStoresOfOneFileAllSucceed() throws Exception {
        SqliteStateStore a = open(Map.of());
        SqliteStateStore b = open(Map.of());
        List<Future<?>> writes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                SqliteStateStore store = i % 2 == 0 ? a : b;
                String key = "k" + i;
                writes.add(threads.submit(() -> store.set(set(key, "\"" + key + "\""))));
            }
            for (Future<?> w : writes) {
                w.get();
            }
        }
        assertThat(a.bulkGet(List.of(get("k0"), get("k199")))).allSatisfy(item -> assertThat(item.item()).isPresent());
        assertThat(rowCount()).isEqualTo(200);
    }

    @Test
    void expiredRowsAreDeletedByTheBackgroundCleanup() throws Exception {
        SqliteStateStore store = open(Map.of("cleanupInterval", "1s"));
        store.set(setWithTtl("short", "1", "1"));
        store.set(set("forever", "2"));
        assertThat(rowCount()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(8)).until(() -> rowCount() == 1);
        assertThat(text(store, "forever")).isEqualTo("2");
    }

    @Test
    void onlyOneOfTwoStoresSharingAFileCleansPerInterval() {
        SqliteStateStore a = open(Map.of("cleanupInterval", "1h"));
        SqliteStateStore b = open(Map.of("cleanupInterval", "1h"));
        assertThat(a.cleanupExpired()).isGreaterThanOrEqualTo(0);
        assertThat(b.cleanupExpired()).isEqualTo(-1);
    }

    @Test
    void zeroCleanupIntervalLeavesExpiredRowsInPlaceButUnreadable() throws Exception {
        SqliteStateStore store = open(Map.of("cleanupInterval", "0"));
        store.set(setWithTtl("short", "1", "1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> store.get(get("short")).isEmpty());
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void readsRowsWrittenByDaprAsBase64AndAsText() throws Exception {
        open(Map.of()).close();
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO state (key, value, is_binary, etag, expiration_time) VALUES"
                    + " ('bin', 'AP9h', 1, 'e1', NULL),"
                    + " ('json', '{\"a\":1}', 0, 'e2', '2999-01-02 03:04:05'),"
                    + " ('old', '1', 0, 'e3', '2000-01-01 00:00:00')");
        }
        SqliteStateStore store = open(Map.of());
        assertThat(store.get(get("bin")).orElseThrow().data()).containsExactly(0x00, 0xff, 0x61);
        StateItem json = store.get(get("json")).orElseThrow();
        assertThat(new String(json.data(), UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(json.etag()).contains("e2");
        assertThat(json.metadata()).containsEntry(StateTtl.TTL_EXPIRE_TIME, "2999-01-02T03:04:05Z");
        assertThat(store.get(get("old"))).isEmpty();
    }

    @Test
    void writesExpirationInDaprsTimestampForm() throws Exception {
        SqliteStateStore store = open(Map.of());
        Instant before = Instant.now();
        store.set(setWithTtl("k", "1", "60"));
        try (Connection c = jdbc(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT expiration_time, is_binary, typeof(value) FROM state")) {
            rs.next();
            assertThat(rs.getString(1)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}")
                    .startsWith(before.plusSeconds(60).toString().substring(0, 10));
            assertThat(rs.getInt(2)).isZero();
            assertThat(rs.getString(3)).isEqualTo("blob");
        }
    }

    @Test
    void acceptsKeysItDoesNotKnowSuchAsActorStateStore() {
        SqliteStateStore store = open(Map.of("actorStateStore", "true", "somethingElse", "x"));
        store.set(set("k", "1"));
        assertThat(text(store, "k")).isEqualTo("1");
    }

    @Test
    void honoursTableNameAndFileUri() throws Exception {
        SqliteStateStore store = new SqliteStateStore();
        opened.add(store);
        Path file = dir.resolve("uri/x.db");
        store.init(ComponentMetadata.of("s", "state.sqlite",
                Map.of("connectionString", "file:" + file + "?cache=private", "tableName", "orders_state")));
        store.set(set("k", "1"));
        assertThat(Files.exists(file)).isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM orders_state")) {
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void worksInMemory() {
        SqliteStateStore store = new SqliteStateStore();
        opened.add(store);
        store.init(ComponentMetadata.of("s", "state.sqlite", Map.of("connectionString", ":memory:")));
        store.set(set("k", "1"));
        assertThat(text(store, "k")).isEqualTo("1");
    }

    @Test
    void rejectsMissingConnectionStringAndUnsafeTableName() {
        assertThatThrownBy(() -> new SqliteStateStore().init(ComponentMetadata.of("s", "state.sqlite", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionString");
        assertThatThrownBy(() -> open(Map.of("tableName", "state; DROP TABLE x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tableName");
        assertThatThrownBy(() -> open(Map.of("timeout", "100ms")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }

    private SqliteStateStore open(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(extra);
        properties.put("connectionString", dir.resolve("state.db").toString());
        SqliteStateStore store = new SqliteStateStore();
        store.init(ComponentMetadata.of("statestore", "state.sqlite", properties));
        opened.add(store);
        return store;
    }

    private Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
    }

    private int rowCount() throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM state")) {
            return rs.getInt(1);
        }
    }

    private static String text(SqliteStateStore store, String key) {
        return new String(store.get(get(key)).orElseThrow().data(), UTF_8);
    }
}

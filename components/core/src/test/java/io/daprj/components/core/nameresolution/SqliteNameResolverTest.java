package io.daprj.components.core.nameresolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.nameresolution.Instance;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several resolvers on one file, as several sidecar processes on one machine would be. */
class SqliteNameResolverTest {

    @TempDir
    Path dir;

    private final List<SqliteNameResolver> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(SqliteNameResolver::close);
    }

    @Test
    void instanceRegisteredByOneResolverIsResolvedByAnother() {
        SqliteNameResolver orders = open(Map.of());
        SqliteNameResolver checkout = open(Map.of());
        orders.register(new Instance("orders", "default", "127.0.0.1", 50002));
        assertThat(checkout.resolve("orders", "default"))
                .contains(new Instance("orders", "default", "127.0.0.1", 50002));
    }

    @Test
    void unknownAppAndOtherNamespaceResolveEmpty() {
        SqliteNameResolver orders = open(Map.of());
        orders.register(new Instance("orders", "prod", "127.0.0.1", 50002));
        assertThat(orders.resolve("payments", "prod")).isEmpty();
        assertThat(orders.resolve("orders", "test")).isEmpty();
    }

    @Test
    void unregisterWithdrawsTheInstance() {
        SqliteNameResolver orders = open(Map.of());
        SqliteNameResolver checkout = open(Map.of());
        orders.register(new Instance("orders", "", "127.0.0.1", 50002));
        orders.unregister();
        assertThat(checkout.resolve("orders", "")).isEmpty();
    }

    @Test
    void closeWithdrawsTheInstance() {
        SqliteNameResolver checkout = open(Map.of());
        SqliteNameResolver orders = open(Map.of());
        orders.register(new Instance("orders", "", "127.0.0.1", 50002));
        orders.close();
        assertThat(checkout.resolve("orders", "")).isEmpty();
    }

    @Test
    void resolvePicksAmongEveryLiveInstance() {
        SqliteNameResolver first = open(Map.of());
        SqliteNameResolver second = open(Map.of());
        first.register(new Instance("orders", "", "127.0.0.1", 50002));
        second.register(new Instance("orders", "", "::1", 50003));
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200 && ports.size() < 2; i++) {
            first.resolve("orders", "").map(Instance::internalGrpcPort).ifPresent(ports::add);
        }
        assertThat(ports).containsExactlyInAnyOrder(50002, 50003);
        assertThat(second.resolve("orders", "").map(Instance::host)).isPresent().get().isIn("127.0.0.1", "::1");
    }

    @Test
    void rowsOfDeadSidecarsAreIgnoredAndCleanedUp() throws Exception {
        // no background cleanup, so the test sees the stale row before removeStale does
        SqliteNameResolver resolver = open(Map.of("updateInterval", "1s", "cleanupInterval", "0"));
        insertRow("dead", "127.0.0.1:50009", "orders", Instant.now().getEpochSecond() - 60);
        insertRow("fresh", "127.0.0.1:50010", "orders", Instant.now().getEpochSecond());
        for (int i = 0; i < 20; i++) {
            assertThat(resolver.resolve("orders", "")).map(Instance::internalGrpcPort).contains(50010);
        }
        assertThat(resolver.removeStale()).isEqualTo(1);
        assertThat(rows()).containsOnlyKeys("fresh");
    }

    @Test
    void heartbeatKeepsTheRowFresh() throws Exception {
        SqliteNameResolver orders = open(Map.of("updateInterval", "1s"));
        orders.register(new Instance("orders", "", "127.0.0.1", 50002));
        long registeredAt = rows().values().iterator().next();
        await().atMost(Duration.ofSeconds(5)).until(() -> rows().values().iterator().next() > registeredAt);
    }

    @Test
    void heartbeatWritesBackARowDeletedBehindItsBack() throws Exception {
        SqliteNameResolver orders = open(Map.of("updateInterval", "1s"));
        orders.register(new Instance("orders", "", "127.0.0.1", 50002));
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM hosts");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> orders.resolve("orders", "").isPresent());
    }

    @Test
    void newSidecarOnTheAddressOfADeadOneReplacesItsRow() throws Exception {
        insertRowAfterSchema("dead", "127.0.0.1:50002", "old-app", Instant.now().getEpochSecond());
        SqliteNameResolver orders = open(Map.of());
        orders.register(new Instance("orders", "", "127.0.0.1", 50002));
        assertThat(orders.resolve("old-app", "")).isEmpty();
        assertThat(orders.resolve("orders", "")).isPresent();
        assertThat(rows()).hasSize(1);
    }

    @Test
    void rejectsSubSecondUpdateIntervalAndUnsafeTableName() {
        assertThatThrownBy(() -> open(Map.of("updateInterval", "1500ms")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updateInterval");
        assertThatThrownBy(() -> open(Map.of("tableName", "hosts--")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tableName");
    }

    @Test
    void defaultDatabaseIsInTheDaprjHome() {
        assumeTrue(System.getenv("DAPRJ_HOME") == null, "DAPRJ_HOME is set");
        SqliteNameResolverMetadata metadata = ComponentMetadata.of("nr", "nameresolution.sqlite", Map.of())
                .bind(SqliteNameResolverMetadata.class);
        assertThat(metadata.connectionString()).isEqualTo(Optional.empty());
        assertThat(Path.of(metadata.resolvedConnectionString()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".daprj", "nameresolution.db"));
        assertThat(metadata.updateInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(metadata.tableName()).isEqualTo("hosts");
    }

    private SqliteNameResolver open(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(extra);
        properties.put("connectionString", dir.resolve("nr/nameresolution.db").toString());
        SqliteNameResolver resolver = new SqliteNameResolver();
        opened.add(resolver);
        resolver.init(ComponentMetadata.of("nr", "nameresolution.sqlite", properties));
        return resolver;
    }

    private void insertRowAfterSchema(String id, String address, String appId, long lastUpdate) throws SQLException {
        open(Map.of()).close();
        insertRow(id, address, appId, lastUpdate);
    }

    private void insertRow(String id, String address, String appId, long lastUpdate) throws SQLException {
        try (Connection c = jdbc(); PreparedStatement ps = c.prepareStatement("INSERT INTO hosts"
                + " (registration_id, address, app_id, namespace, last_update) VALUES (?, ?, ?, '', ?)")) {
            ps.setString(1, id);
            ps.setString(2, address);
            ps.setString(3, appId);
            ps.setLong(4, lastUpdate);
            ps.executeUpdate();
        }
    }

    /** registration_id to last_update. */
    private Map<String, Long> rows() throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (Connection c = jdbc(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT registration_id, last_update FROM hosts")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }

    private Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("nr/nameresolution.db"));
    }
}

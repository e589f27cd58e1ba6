package io.daprj.components.postgres.state;

import io.daprj.spi.ComponentMetadata;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL server this machine runs (127.0.0.1:5432, database {@code test}, trust auth) as tests see it:
 * table names unique to one test class run, stores on them, and a raw JDBC connection for checking rows.
 */
final class PostgresTestDatabase {

    static final String CONNECTION_STRING = "host=127.0.0.1 port=5432 user=postgres dbname=test";
    static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    /** A table-name stem no other run shares, e.g. {@code daprj_t_1a2b3c4d}. */
    final String stem = "daprj_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    String v1Table() {
        return stem + "_state";
    }

    String v2Prefix() {
        return stem + "_v2_";
    }

    String metadataTable() {
        return stem + "_meta";
    }

    /** A store of {@code version} on this run's tables, initialised; {@code extra} overrides the defaults. */
    PostgresStateStore store(String version, Map<String, String> extra) throws SQLException {
        Map<String, String> properties = new HashMap<>(Map.of("connectionString", CONNECTION_STRING,
                "tableName", v1Table(), "tablePrefix", v2Prefix(), "metadataTableName", metadataTable()));
        properties.putAll(extra);
        PostgresStateStore store = new PostgresStateStore();
        store.init(new ComponentMetadata("statestore", "state.postgresql", version, properties, "", ""));
        return store;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(JDBC_URL);
    }

    /** Runs {@code sql} on a connection of its own. */
    static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Drops every table this run created. */
    void dropTables() throws SQLException {
        execute("DROP TABLE IF EXISTS " + v1Table() + ", " + v2Prefix() + "state, " + metadataTable());
    }
}

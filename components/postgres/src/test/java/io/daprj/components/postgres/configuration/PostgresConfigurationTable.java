package io.daprj.components.postgres.configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.conformance.configuration.ConfigurationBackend;
import io.daprj.spi.configuration.ConfigurationItem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * A configuration table of one test run on the PostgreSQL server this machine runs (127.0.0.1:5432, database
 * {@code test}), created with the table and trigger Dapr's documentation tells users to create, notifying a channel
 * named like the table; and the writes an operator would make to it.
 */
final class PostgresConfigurationTable implements ConfigurationBackend, AutoCloseable {

    static final String CONNECTION_STRING = "host=127.0.0.1 port=5432 user=postgres dbname=test";
    private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The table, also the trigger's notification channel. */
    final String name = "daprj_cfg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    PostgresConfigurationTable() throws SQLException {
        execute("CREATE TABLE IF NOT EXISTS " + name
                + " (KEY VARCHAR NOT NULL, VALUE VARCHAR NOT NULL, VERSION VARCHAR NOT NULL, METADATA JSON)");
        execute("""
                CREATE OR REPLACE FUNCTION %1$s_notify() RETURNS TRIGGER AS $$
                    DECLARE
                        data json;
                        notification json;
                    BEGIN
                        IF (TG_OP = 'DELETE') THEN
                            data = row_to_json(OLD);
                        ELSE
                            data = row_to_json(NEW);
                        END IF;
                        notification = json_build_object('table', TG_TABLE_NAME, 'action', TG_OP, 'data', data);
                        PERFORM pg_notify('%1$s', notification::text);
                        RETURN NULL;
                    END;
                $$ LANGUAGE plpgsql""".formatted(name));
        execute("CREATE TRIGGER %1$s AFTER INSERT OR UPDATE OR DELETE ON %1$s FOR EACH ROW EXECUTE PROCEDURE %1$s_notify()"
                .formatted(name));
    }

    /** Updates the rows of keys that exist and inserts the others. */
    @Override
    public void put(Map<String, ConfigurationItem> items) throws Exception {
        try (Connection c = connect();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE " + name + " SET VALUE = ?, VERSION = ?, METADATA = ?::json WHERE KEY = ?");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO " + name + " (KEY, VALUE, VERSION, METADATA) VALUES (?, ?, ?, ?::json)")) {
            for (Map.Entry<String, ConfigurationItem> e : items.entrySet()) {
                String metadata = JSON.writeValueAsString(e.getValue().metadata());
                update.setString(1, e.getValue().value());
                update.setString(2, e.getValue().version());
                update.setString(3, metadata);
                update.setString(4, e.getKey());
                if (update.executeUpdate() == 0) {
                    insert.setString(1, e.getKey());
                    insert.setString(2, e.getValue().value());
                    insert.setString(3, e.getValue().version());
                    insert.setString(4, metadata);
                    insert.executeUpdate();
                }
            }
        }
    }

    @Override
    public void delete(Collection<String> keys) throws SQLException {
        try (Connection c = connect(); PreparedStatement delete = c.prepareStatement("DELETE FROM " + name + " WHERE KEY = ?")) {
            for (String key : keys) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
        }
    }

    /** Runs {@code sql} on a connection of its own. */
    static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(JDBC_URL);
    }

    /** Drops the table (and with it the trigger) and the trigger's function. */
    @Override
    public void close() throws SQLException {
        execute("DROP TABLE IF EXISTS " + name);
        execute("DROP FUNCTION IF EXISTS " + name + "_notify()");
    }
}

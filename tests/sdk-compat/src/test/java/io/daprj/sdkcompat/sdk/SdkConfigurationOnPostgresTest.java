package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SDK's configuration calls on {@code configuration.postgresql} against the PostgreSQL server of this machine:
 * a table of this run with the columns, function and trigger Dapr's documentation tells users to create, notifying a
 * channel named like the table.
 */
@RequiresComponentModule(module = "postgres", componentType = "configuration.postgresql")
class SdkConfigurationOnPostgresTest extends AbstractSdkConfigurationTest {

    private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: configstore
            spec:
              type: configuration.postgresql
              version: v1
              metadata:
              - {name: connectionString, value: "%s"}
              - {name: table, value: "%s"}
              - {name: notifyChannel, value: "%s"}
            """;

    private final String table = PostgresDatabase.uniqueTableName("sdk_config");

    @Override
    DaprdProcess startSidecar(Path workDir) throws Exception {
        execute("CREATE TABLE " + table
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
                $$ LANGUAGE plpgsql""".formatted(table));
        execute("CREATE TRIGGER %1$s AFTER INSERT OR UPDATE OR DELETE ON %1$s FOR EACH ROW EXECUTE PROCEDURE %1$s_notify()"
                .formatted(table));
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("configstore.yaml"),
                COMPONENT.formatted(PostgresDatabase.CONNECTION_STRING, table, table));
        return DaprdProcess.builder("sdk-config-postgres").daprjHome(workDir.resolve("home")).resourcesPath(resources)
                .start();
    }

    @Override
    void write(String key, String value, String version) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL);
                PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET VALUE = ?, VERSION = ? WHERE KEY = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, NULL)")) {
            update.setString(1, value);
            update.setString(2, version);
            update.setString(3, key);
            if (update.executeUpdate() == 0) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.setString(3, version);
                insert.executeUpdate();
            }
        }
    }

    @Override
    void afterSidecarStopped() throws SQLException {
        PostgresDatabase.dropTables(table);
        execute("DROP FUNCTION IF EXISTS " + table + "_notify()");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

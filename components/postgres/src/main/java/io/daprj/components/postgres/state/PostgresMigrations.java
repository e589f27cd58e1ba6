package io.daprj.components.postgres.state;

import io.daprj.components.jdbc.JdbcTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Brings a state table up to its layout's latest schema, the way Dapr's migrations do and with the same bookkeeping:
 * the metadata table counts the steps applied under the layout's key, and a {@code lock} row locked FOR UPDATE keeps
 * sidecars (daprj or daprd) that start together from migrating at once. A table Dapr created is picked up where its
 * migrations left off; a table that does not exist yet is migrated from the first step.
 */
final class PostgresMigrations {

    private PostgresMigrations() {}

    static void run(DataSource db, String metadataTable, PostgresLayout layout) throws SQLException {
        try (Connection c = db.getConnection()) {
            createMetadataTable(c, metadataTable);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + metadataTable
                    + " (key, value) VALUES ('lock', 'lock') ON CONFLICT (key) DO NOTHING")) {
                ps.executeUpdate();
            }
            JdbcTransaction.run(c, tx -> {
                try (PreparedStatement ps = tx.prepareStatement(
                        "SELECT value FROM " + metadataTable + " WHERE key = 'lock' FOR UPDATE")) {
                    ps.executeQuery().close();
                }
                // Dapr counts v1 steps under one key for every table sharing the metadata table: a table that is
                // missing starts from step 0 whatever that count says (every step is idempotent)
                int applied = tableExists(tx, layout.table()) ? appliedSteps(tx, metadataTable, layout.migrationsKey()) : 0;
                List<String> steps = layout.migrations();
                for (int i = applied; i < steps.size(); i++) {
                    try (Statement s = tx.createStatement()) {
                        s.execute(steps.get(i));
                    }
                }
                if (applied < steps.size()) {
                    try (PreparedStatement ps = tx.prepareStatement("INSERT INTO " + metadataTable
                            + " (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                        ps.setString(1, layout.migrationsKey());
                        ps.setString(2, Integer.toString(steps.size()));
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    /** Creating a table races with other sidecars on the catalog's unique index; a few retries settle it. */
    private static void createMetadataTable(Connection c, String metadataTable) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + metadataTable
                        + " (key text NOT NULL PRIMARY KEY, value text NOT NULL)");
                return;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState()) || attempt == 3) {
                    throw e;
                }
                sleepBriefly();
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static int appliedSteps(Connection c, String metadataTable, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM " + metadataTable + " WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                try {
                    return Integer.parseInt(rs.getString(1).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("metadata table " + metadataTable + " holds '" + rs.getString(1)
                            + "' under '" + key + "' (expected: a number of migrations)");
                }
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

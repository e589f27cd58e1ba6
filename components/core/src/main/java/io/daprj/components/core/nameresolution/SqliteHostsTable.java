package io.daprj.components.core.nameresolution;

import io.daprj.components.core.sqlite.SqliteConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The SQL of the hosts table, in the schema of Dapr's SQLite resolver: one row per registered sidecar with its
 * {@code host:port} address (unique, so a restarted sidecar on the same port replaces its dead predecessor's row)
 * and {@code last_update} in Unix seconds.
 */
final class SqliteHostsTable {

    private final SqliteConnections db;
    private final String table;
    private final String metadataTable;

    SqliteHostsTable(SqliteConnections db, String table, String metadataTable) {
        this.db = db;
        this.table = table;
        this.metadataTable = metadataTable;
    }

    void createIfMissing(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS " + metadataTable
                    + " (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS " + table + " (registration_id TEXT NOT NULL PRIMARY KEY,"
                    + " address TEXT NOT NULL, app_id TEXT NOT NULL, namespace TEXT NOT NULL,"
                    + " last_update INTEGER NOT NULL)");
            s.executeUpdate("CREATE UNIQUE INDEX IF NOT EXISTS " + table + "_address_idx ON " + table + " (address)");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS " + table + "_last_update_idx ON " + table + " (last_update)");
            s.executeUpdate("INSERT OR IGNORE INTO " + metadataTable + " (key, value) VALUES ('nr-migrations', '1')");
        }
    }

    /** Inserts the row, replacing any row with the same id or address. */
    void upsert(Connection c, String registrationId, String address, String appId, String namespace, long now)
            throws SQLException {
        try (PreparedStatement ps = db.prepare(c, "REPLACE INTO " + table
                + " (registration_id, address, app_id, namespace, last_update) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, registrationId);
            ps.setString(2, address);
            ps.setString(3, appId);
            ps.setString(4, namespace);
            ps.setLong(5, now);
            ps.executeUpdate();
        }
    }

    /** Refreshes the row's timestamp; false when the row is gone. */
    boolean touch(Connection c, String registrationId, long now) throws SQLException {
        try (PreparedStatement ps = db.prepare(c,
                "UPDATE " + table + " SET last_update = ? WHERE registration_id = ?")) {
            ps.setLong(1, now);
            ps.setString(2, registrationId);
            return ps.executeUpdate() > 0;
        }
    }

    void remove(Connection c, String registrationId) throws SQLException {
        try (PreparedStatement ps = db.prepare(c, "DELETE FROM " + table + " WHERE registration_id = ?")) {
            ps.setString(1, registrationId);
            ps.executeUpdate();
        }
    }

    /** The address of one row of {@code appId} in {@code namespace} refreshed after {@code freshAfter}, at random. */
    List<String> liveAddresses(Connection c, String appId, String namespace, long freshAfter) throws SQLException {
        try (PreparedStatement ps = db.prepare(c, "SELECT address FROM " + table
                + " WHERE app_id = ? AND namespace = ? AND last_update > ?")) {
            ps.setString(1, appId);
            ps.setString(2, namespace);
            ps.setLong(3, freshAfter);
            List<String> addresses = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    addresses.add(rs.getString(1));
                }
            }
            return addresses;
        }
    }

    /** Deletes rows last refreshed at or before {@code staleSince}; returns how many. */
    int removeStale(Connection c, long staleSince) throws SQLException {
        try (PreparedStatement ps = db.prepare(c, "DELETE FROM " + table + " WHERE last_update <= ?")) {
            ps.setLong(1, staleSince);
            return ps.executeUpdate();
        }
    }
}

package io.daprj.components.mysql.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the schema and tables in Dapr's layout, and upgrades a table an older Dapr created (adding
 * {@code expiredate} and {@code row_id} as Dapr's own upgrades do). One difference: the key column of a new table
 * compares bytes ({@code _bin}, without trailing-space padding where the server has such a collation), because
 * state keys are opaque and case-sensitive, where the server's default collation would make {@code A} and
 * {@code a} one key.
 */
final class MySqlSchema {

    private MySqlSchema() {}

    static void ensure(Connection c, MySqlStateMetadata metadata) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + metadata.schemaName() + "`");
            s.execute("CREATE TABLE IF NOT EXISTS " + metadata.qualifiedTable() + " ("
                    + "id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE " + keyCollation(c) + " NOT NULL PRIMARY KEY,"
                    + " value JSON NOT NULL, isbinary BOOLEAN NOT NULL,"
                    + " insertDate TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                    + " updateDate TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
                    + " eTag VARCHAR(36) NOT NULL, expiredate TIMESTAMP NULL,"
                    + " row_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,"
                    + " INDEX expiredate_idx (expiredate), UNIQUE KEY row_id_uidx (row_id))");
            if (!columnExists(c, metadata, "expiredate")) {
                s.execute("ALTER TABLE " + metadata.qualifiedTable() + " ADD COLUMN expiredate TIMESTAMP NULL,"
                        + " ADD INDEX expiredate_idx (expiredate)");
            }
            if (!columnExists(c, metadata, "row_id")) {
                s.execute("ALTER TABLE " + metadata.qualifiedTable() + " ADD COLUMN row_id BIGINT UNSIGNED NOT NULL"
                        + " AUTO_INCREMENT, ADD UNIQUE KEY row_id_uidx (row_id)");
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + metadata.qualifiedMetadataTable()
                    + " (id VARCHAR(255) NOT NULL PRIMARY KEY, value TEXT NOT NULL)");
        }
    }

    /** The strictest binary collation the server has: MariaDB's no-pad, MySQL 8's 0900, else the padded one. */
    private static String keyCollation(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COLLATION_NAME FROM"
                + " information_schema.COLLATIONS WHERE COLLATION_NAME IN ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin')"
                + " ORDER BY COLLATION_NAME DESC")) {
            return rs.next() ? rs.getString(1) : "utf8mb4_bin";
        }
    }

    private static boolean columnExists(Connection c, MySqlStateMetadata metadata, String column)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, metadata.schemaName());
            ps.setString(2, metadata.tableName());
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }
}

package io.daprj.components.core.state;

import io.daprj.components.core.sqlite.SqliteConnections;
import io.daprj.components.core.sqlite.SqliteTimestamps;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.query.QueryResponse;
import io.daprj.spi.state.StateTtl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of one state table, in the schema of Dapr's SQLite store (same columns, same timestamp text), so either
 * runtime can open the other's file. Values are written as BLOBs with {@code is_binary = 0}, which keeps bytes
 * exact and which Dapr reads back unchanged; rows Dapr wrote as base64 ({@code is_binary = 1}) are decoded.
 * A row whose {@code expiration_time} has passed counts as absent everywhere, cleaned up or not.
 */
final class SqliteStateTable {

    private static final String LIVE = "(expiration_time IS NULL OR expiration_time > ?)";

    private final SqliteConnections db;
    private final String table;
    private final String metadataTable;

    SqliteStateTable(SqliteConnections db, String table, String metadataTable) {
        this.db = db;
        this.table = table;
        this.metadataTable = metadataTable;
    }

    /** Creates the tables if missing and records schema version 1, as Dapr's migrations would. */
    void createIfMissing(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS " + metadataTable
                    + " (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS " + table + " (key TEXT NOT NULL PRIMARY KEY,"
                    + " value TEXT NOT NULL, is_binary BOOLEAN NOT NULL, etag TEXT NOT NULL,"
                    + " expiration_time TIMESTAMP DEFAULT NULL,"
                    + " update_time TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
            s.executeUpdate("INSERT OR IGNORE INTO " + metadataTable + " (key, value) VALUES ('migrations', '1')");
        }
    }

    Optional<StateItem> get(Connection c, String key, Instant now) throws SQLException {
        return Optional.ofNullable(getMany(c, List.of(key), now).get(key));
    }

    /** The live rows among {@code keys}, by key; missing keys are simply absent from the map. */
    Map<String, StateItem> getMany(Connection c, List<String> keys, Instant now) throws SQLException {
        Map<String, StateItem> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String marks = String.join(",", Collections.nCopies(keys.size(), "?"));
        try (PreparedStatement ps = db.prepare(c, "SELECT key, value, is_binary, etag, expiration_time FROM "
                + table + " WHERE key IN (" + marks + ") AND " + LIVE)) {
            int i = 1;
            for (String key : keys) {
                ps.setString(i++, key);
            }
            ps.setString(i, SqliteTimestamps.format(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), item(rs));
                }
            }
        }
        return found;
    }

    /** Every live row whose key starts with {@code prefix}, for queries. */
    List<QueryResponse.Item> scan(Connection c, String prefix, Instant now) throws SQLException {
        List<QueryResponse.Item> rows = new java.util.ArrayList<>();
        try (PreparedStatement ps = db.prepare(c, "SELECT key, value, is_binary, etag, expiration_time FROM " + table
                + " WHERE substr(key, 1, ?) = ? AND " + LIVE)) {
            ps.setInt(1, prefix.length());
            ps.setString(2, prefix);
            ps.setString(3, SqliteTimestamps.format(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StateItem item = item(rs);
                    rows.add(new QueryResponse.Item(rs.getString(1), item.data(), item.etag()));
                }
            }
        }
        return rows;
    }

    /** Applies one save with its ETag / first-write check; a failed check throws ETagMismatchException. */
    void set(Connection c, SetRequest request, Optional<Duration> ttl, Instant now) throws SQLException {
        String expiration = ttl.map(t -> SqliteTimestamps.format(now.plus(t))).orElse(null);
        String etag = UUID.randomUUID().toString();
        Optional<String> expected = WriteParameters.etag(request.etag());
        int changed;
        if (expected.isPresent()) {
            try (PreparedStatement ps = db.prepare(c, "UPDATE " + table + " SET value = ?, is_binary = 0, etag = ?,"
                    + " expiration_time = ?, update_time = ? WHERE key = ? AND etag = ? AND " + LIVE)) {
                bind(ps, request.value(), etag, expiration, now);
                ps.setString(5, request.key());
                ps.setString(6, expected.get());
                ps.setString(7, SqliteTimestamps.format(now));
                changed = ps.executeUpdate();
            }
        } else {
            // under first-write only an expired row may be replaced; last-write replaces any row
            String guard = request.options().firstWrite()
                    ? " WHERE " + table + ".expiration_time IS NOT NULL AND " + table + ".expiration_time <= ?" : "";
            try (PreparedStatement ps = db.prepare(c, "INSERT INTO " + table
                    + " (value, is_binary, etag, expiration_time, update_time, key) VALUES (?, 0, ?, ?, ?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value, is_binary = 0, etag = excluded.etag,"
                    + " expiration_time = excluded.expiration_time, update_time = excluded.update_time" + guard)) {
                bind(ps, request.value(), etag, expiration, now);
                ps.setString(5, request.key());
                if (!guard.isEmpty()) {
                    ps.setString(6, SqliteTimestamps.format(now));
                }
                changed = ps.executeUpdate();
            }
        }
        if (changed == 0) {
            throw new ETagMismatchException(request.key());
        }
    }

    /** Deletes one key; with an ETag, a missing key or another ETag throws ETagMismatchException. */
    void delete(Connection c, DeleteRequest request, Instant now) throws SQLException {
        Optional<String> expected = WriteParameters.etag(request.etag());
        String sql = "DELETE FROM " + table + " WHERE key = ?"
                + (expected.isPresent() ? " AND etag = ? AND " + LIVE : "");
        try (PreparedStatement ps = db.prepare(c, sql)) {
            ps.setString(1, request.key());
            if (expected.isPresent()) {
                ps.setString(2, expected.get());
                ps.setString(3, SqliteTimestamps.format(now));
            }
            if (ps.executeUpdate() == 0 && expected.isPresent()) {
                throw new ETagMismatchException(request.key());
            }
        }
    }

    /**
     * Claims the cleanup turn for {@code interval} in the metadata table, so that of several processes sharing the
     * file only one cleans per interval; true when this caller won.
     */
    boolean claimCleanup(Connection c, Duration interval, Instant now) throws SQLException {
        // a tenth of slack, so a timer that fires a little early still wins its own next turn
        Instant due = now.minus(interval).plus(interval.dividedBy(10));
        try (PreparedStatement ps = db.prepare(c, "INSERT INTO " + metadataTable + " (key, value)"
                + " VALUES ('last-cleanup', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                + " WHERE " + metadataTable + ".value <= ?")) {
            ps.setString(1, SqliteTimestamps.format(now));
            ps.setString(2, SqliteTimestamps.format(due));
            return ps.executeUpdate() > 0;
        }
    }

    /** Deletes rows that expired before {@code now}; returns how many. */
    int deleteExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = db.prepare(c, "DELETE FROM " + table
                + " WHERE expiration_time IS NOT NULL AND expiration_time <= ?")) {
            ps.setString(1, SqliteTimestamps.format(now));
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, byte[] value, String etag, String expiration, Instant now)
            throws SQLException {
        ps.setBytes(1, value);
        ps.setString(2, etag);
        ps.setString(3, expiration);
        ps.setString(4, SqliteTimestamps.format(now));
    }

    private static StateItem item(ResultSet rs) throws SQLException {
        byte[] raw = rs.getBytes(2);
        byte[] data = raw == null ? new byte[0] : raw;
        if (rs.getBoolean(3)) {
            data = Base64.getDecoder().decode(data);
        }
        Optional<Instant> expires = SqliteTimestamps.parse(rs.getString(5));
        return new StateItem(data, Optional.of(rs.getString(4)), StateTtl.responseMetadata(expires), Optional.empty());
    }
}

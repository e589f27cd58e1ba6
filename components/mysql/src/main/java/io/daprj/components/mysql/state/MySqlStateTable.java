package io.daprj.components.mysql.state;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.daprj.components.jdbc.JdbcStateTable;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateTtl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The SQL of one state table in Dapr's MySQL layout: {@code value JSON} plus {@code isbinary}, ETag = a random UUID
 * in {@code eTag}, expiry in {@code expiredate}. Every value is written as Dapr writes values arriving over gRPC (a
 * JSON string of its base64, {@code isbinary = 1}), the only way a JSON column keeps bytes exact; rows Dapr wrote as
 * JSON read back as their text. A row whose expiry has passed counts as absent everywhere. Expiry times are whole
 * seconds, as in Dapr's {@code TIMESTAMP} column, rounded up so a key lives at least its TTL.
 */
final class MySqlStateTable implements JdbcStateTable {

    private static final String LIVE = "(expiredate IS NULL OR expiredate > NOW(6))";
    private static final String EXPIRY = "FROM_UNIXTIME(CEIL(UNIX_TIMESTAMP(NOW(6))) + ?)";
    private static final int DUPLICATE_KEY = 1062;

    private final String table;
    private final int timeoutSeconds;

    MySqlStateTable(String qualifiedTable, Duration timeout) {
        this.table = qualifiedTable;
        this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }

    String name() {
        return table;
    }

    /** The live rows among {@code keys}, by key. */
    Map<String, StateItem> getMany(Connection c, List<String> keys) throws SQLException {
        Map<String, StateItem> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String marks = String.join(",", Collections.nCopies(keys.size(), "?"));
        try (PreparedStatement ps = prepare(c, "SELECT id, value, isbinary, eTag, UNIX_TIMESTAMP(expiredate) FROM "
                + table + " WHERE id IN (" + marks + ") AND " + LIVE)) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(i + 1, keys.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), item(rs));
                }
            }
        }
        return found;
    }

    /**
     * One save. With an ETag it updates the live row carrying it; under first-write without one it replaces only an
     * expired row and otherwise inserts, the primary key settling races; else it upserts. Must run inside a
     * transaction (first-write takes two statements).
     *
     * @throws ETagMismatchException when the ETag or first-write check fails
     */
    @Override
    public void set(Connection c, SetRequest request, Optional<Long> ttlSeconds) throws SQLException {
        String expiry = ttlSeconds.isPresent() ? EXPIRY : "NULL";
        String value = "\"" + Base64.getEncoder().encodeToString(request.value()) + "\"";
        String etag = UUID.randomUUID().toString();
        Optional<String> expected = request.etag().filter(e -> !e.isEmpty());
        if (expected.isPresent()) {
            try (PreparedStatement ps = prepare(c, "UPDATE " + table + " SET value = ?, eTag = ?, isbinary = 1,"
                    + " expiredate = " + expiry + " WHERE id = ? AND eTag = ? AND " + LIVE)) {
                int i = bindRow(ps, 1, value, etag, ttlSeconds);
                ps.setString(i++, request.key());
                ps.setString(i, expected.get());
                if (ps.executeUpdate() != 1) {
                    throw new ETagMismatchException(request.key());
                }
            }
            return;
        }
        String insert = "INSERT INTO " + table + " (value, eTag, isbinary, expiredate, id) VALUES (?, ?, 1, "
                + expiry + ", ?)";
        if (!request.options().firstWrite()) {
            try (PreparedStatement ps = prepare(c, insert + " ON DUPLICATE KEY UPDATE value = VALUES(value),"
                    + " eTag = VALUES(eTag), isbinary = VALUES(isbinary), expiredate = VALUES(expiredate)")) {
                ps.setString(bindRow(ps, 1, value, etag, ttlSeconds), request.key());
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = prepare(c, "DELETE FROM " + table
                + " WHERE id = ? AND expiredate IS NOT NULL AND expiredate <= NOW(6)")) {
            ps.setString(1, request.key());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = prepare(c, insert)) {
            ps.setString(bindRow(ps, 1, value, etag, ttlSeconds), request.key());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() == DUPLICATE_KEY) {
                throw new ETagMismatchException(request.key());
            }
            throw e;
        }
    }

    /** Deletes one key; with an ETag, a missing or expired key or another ETag throws ETagMismatchException. */
    @Override
    public void delete(Connection c, DeleteRequest request) throws SQLException {
        Optional<String> expected = request.etag().filter(e -> !e.isEmpty());
        try (PreparedStatement ps = prepare(c, "DELETE FROM " + table + " WHERE id = ?"
                + (expected.isPresent() ? " AND eTag = ? AND " + LIVE : ""))) {
            ps.setString(1, request.key());
            if (expected.isPresent()) {
                ps.setString(2, expected.get());
            }
            if (ps.executeUpdate() == 0 && expected.isPresent()) {
                throw new ETagMismatchException(request.key());
            }
        }
    }

    /** Deletes the rows that have expired; returns how many. */
    int deleteExpired(Connection c) throws SQLException {
        try (PreparedStatement ps = prepare(c, "DELETE FROM " + table
                + " WHERE expiredate IS NOT NULL AND expiredate <= NOW(6)")) {
            return ps.executeUpdate();
        }
    }

    PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setQueryTimeout(timeoutSeconds);
        return ps;
    }

    /** Binds value, ETag and (when there is one) the TTL from {@code index}; returns the next free index. */
    private static int bindRow(PreparedStatement ps, int index, String value, String etag, Optional<Long> ttl)
            throws SQLException {
        ps.setString(index++, value);
        ps.setString(index++, etag);
        if (ttl.isPresent()) {
            ps.setLong(index++, ttl.get());
        }
        return index;
    }

    private static StateItem item(ResultSet rs) throws SQLException {
        String text = rs.getString(2);
        byte[] data = rs.getBoolean(3) ? Base64.getDecoder().decode(unquote(text)) : text.getBytes(UTF_8);
        long expires = rs.getLong(5);
        Optional<Instant> expiresAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(expires));
        return new StateItem(data, Optional.of(rs.getString(4)), StateTtl.responseMetadata(expiresAt),
                Optional.empty());
    }

    /** The content of a JSON string holding base64, which has no characters JSON escapes. */
    private static String unquote(String json) {
        String s = json.trim();
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            throw new IllegalStateException("binary state value is not a JSON string");
        }
        return s.substring(1, s.length() - 1).replace("\\/", "/");
    }
}

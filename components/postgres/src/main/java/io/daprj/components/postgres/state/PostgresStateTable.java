package io.daprj.components.postgres.state;

import io.daprj.components.jdbc.JdbcStateTable;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.query.QueryResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads and writes of one state table, shared by both layouts. A row whose expiry has passed counts as absent
 * everywhere, whether or not cleanup has deleted it yet. Every check of an ETag or of first-write is part of the
 * statement that writes, so under concurrent writers exactly one of those holding the same ETag wins: PostgreSQL
 * re-checks the WHERE clause against the row version a blocking writer committed.
 */
final class PostgresStateTable implements JdbcStateTable {

    private final PostgresLayout layout;
    private final String live;
    private final int timeoutSeconds;

    PostgresStateTable(PostgresLayout layout, Duration timeout) {
        this.layout = layout;
        this.live = "(" + layout.expiresColumn() + " IS NULL OR " + layout.expiresColumn() + " > now())";
        this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }

    PostgresLayout layout() {
        return layout;
    }

    /** The live rows among {@code keys}, by key. */
    Map<String, StateItem> getMany(Connection c, List<String> keys) throws SQLException {
        Map<String, StateItem> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = prepare(c, "SELECT key, " + layout.selectColumns() + " FROM " + layout.table()
                + " WHERE key = ANY(?) AND " + live)) {
            Array array = c.createArrayOf("text", keys.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), layout.item(rs, 2));
                }
            }
        }
        return found;
    }

    /** Every live row whose key starts with {@code prefix}, for queries. */
    List<QueryResponse.Item> scan(Connection c, String prefix) throws SQLException {
        List<QueryResponse.Item> rows = new java.util.ArrayList<>();
        try (PreparedStatement ps = prepare(c, "SELECT key, " + layout.selectColumns() + " FROM " + layout.table()
                + " WHERE starts_with(key, ?) AND " + live)) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StateItem item = layout.item(rs, 2);
                    rows.add(new QueryResponse.Item(rs.getString(1), item.data(), item.etag()));
                }
            }
        }
        return rows;
    }

    /**
     * One save: with an ETag an update of the live row carrying it; without, an upsert that under first-write may
     * only replace an expired row.
     *
     * @throws ETagMismatchException when the ETag or first-write check fails
     */
    @Override
    public void set(Connection c, SetRequest request, Optional<Long> ttlSeconds) throws SQLException {
        Optional<String> etag = request.etag().filter(e -> !e.isEmpty())
                .map(e -> layout.checkEtag(request.key(), e));
        int changed;
        if (etag.isPresent()) {
            try (PreparedStatement ps = prepare(c, layout.update() + " WHERE key = ? AND " + layout.etagMatches()
                    + " AND " + live)) {
                layout.bindValue(ps, 1, request.value());
                bindTtl(ps, 2, ttlSeconds);
                ps.setString(3, request.key());
                ps.setString(4, etag.get());
                changed = ps.executeUpdate();
            }
        } else {
            String guard = request.options().firstWrite()
                    ? " WHERE t." + layout.expiresColumn() + " IS NOT NULL AND t." + layout.expiresColumn() + " <= now()"
                    : "";
            try (PreparedStatement ps = prepare(c, layout.insert() + " ON CONFLICT (key) DO UPDATE SET "
                    + layout.upsertAssignments() + guard)) {
                ps.setString(1, request.key());
                layout.bindValue(ps, 2, request.value());
                bindTtl(ps, 3, ttlSeconds);
                changed = ps.executeUpdate();
            }
        }
        if (changed != 1) {
            throw new ETagMismatchException(request.key());
        }
    }

    /** Deletes one key; with an ETag, a missing or expired key or another ETag throws ETagMismatchException. */
    @Override
    public void delete(Connection c, DeleteRequest request) throws SQLException {
        Optional<String> etag = request.etag().filter(e -> !e.isEmpty())
                .map(e -> layout.checkEtag(request.key(), e));
        String sql = "DELETE FROM " + layout.table() + " WHERE key = ?"
                + (etag.isPresent() ? " AND " + layout.etagMatches() + " AND " + live : "");
        try (PreparedStatement ps = prepare(c, sql)) {
            ps.setString(1, request.key());
            if (etag.isPresent()) {
                ps.setString(2, etag.get());
            }
            if (ps.executeUpdate() == 0 && etag.isPresent()) {
                throw new ETagMismatchException(request.key());
            }
        }
    }

    /** Deletes the rows that have expired; returns how many. */
    int deleteExpired(Connection c) throws SQLException {
        try (PreparedStatement ps = prepare(c, "DELETE FROM " + layout.table() + " WHERE "
                + layout.expiresColumn() + " IS NOT NULL AND " + layout.expiresColumn() + " <= now()")) {
            return ps.executeUpdate();
        }
    }

    PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setQueryTimeout(timeoutSeconds);
        return ps;
    }

    private static void bindTtl(PreparedStatement ps, int index, Optional<Long> ttlSeconds) throws SQLException {
        if (ttlSeconds.isPresent()) {
            ps.setLong(index, ttlSeconds.get());
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }
}

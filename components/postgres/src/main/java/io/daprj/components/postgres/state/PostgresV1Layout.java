package io.daprj.components.postgres.state;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.daprj.spi.state.ETagInvalidException;
import io.daprj.spi.state.StateItem;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;

/**
 * Dapr's v1 layout: {@code value jsonb} plus {@code isbinary}, ETag = the row's {@code xmin} (a 32-bit transaction
 * id). Every value is written as Dapr writes values that arrive over gRPC: a JSON string of its base64 with
 * {@code isbinary = true}, the only way jsonb keeps bytes exact. Rows Dapr wrote as JSON ({@code isbinary = false})
 * read back as jsonb's text of them.
 */
record PostgresV1Layout(String table) implements PostgresLayout {

    @Override
    public List<String> migrations() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + table + " (key text NOT NULL PRIMARY KEY, value jsonb NOT NULL,"
                        + " isbinary boolean NOT NULL, insertdate timestamp with time zone NOT NULL DEFAULT now(),"
                        + " updatedate timestamp with time zone NULL)",
                "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS expiredate timestamp with time zone",
                PostgresRowId.migration(table));
    }

    @Override
    public String migrationsKey() {
        return "migrations";
    }

    /** Dapr uses one {@code last-cleanup} key for all v1 tables; per table, one store never starves another. */
    @Override
    public String lastCleanupKey() {
        return "last-cleanup-" + table;
    }

    @Override
    public String expiresColumn() {
        return "expiredate";
    }

    @Override
    public String selectColumns() {
        return "isbinary, CASE WHEN isbinary THEN value #>> '{}' ELSE value::text END, xmin::text, expiredate";
    }

    @Override
    public String insert() {
        return "INSERT INTO " + table + " AS t (key, value, isbinary, expiredate) VALUES (?, ?::jsonb, true, "
                + EXPIRY_AFTER_TTL + ")";
    }

    @Override
    public String upsertAssignments() {
        return "value = excluded.value, isbinary = excluded.isbinary, updatedate = now(),"
                + " expiredate = excluded.expiredate";
    }

    @Override
    public String update() {
        return "UPDATE " + table + " SET value = ?::jsonb, isbinary = true, updatedate = now(), expiredate = "
                + EXPIRY_AFTER_TTL;
    }

    @Override
    public String etagMatches() {
        return "xmin = ?::xid";
    }

    /** Dapr parses the ETag as an unsigned 32-bit number and calls anything else invalid. */
    @Override
    public String checkEtag(String key, String etag) {
        try {
            long xid = Long.parseLong(etag);
            if (xid >= 0 && xid <= 0xFFFF_FFFFL) {
                return Long.toString(xid);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ETagInvalidException(etag);
    }

    @Override
    public void bindValue(PreparedStatement ps, int index, byte[] value) throws SQLException {
        ps.setString(index, "\"" + Base64.getEncoder().encodeToString(value) + "\"");
    }

    @Override
    public StateItem item(ResultSet rs, int first) throws SQLException {
        String text = rs.getString(first + 1);
        byte[] data = rs.getBoolean(first) ? Base64.getDecoder().decode(text) : text.getBytes(UTF_8);
        return PostgresLayout.item(data, rs.getString(first + 2), rs, first + 3);
    }
}

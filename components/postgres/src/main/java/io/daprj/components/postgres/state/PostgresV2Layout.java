package io.daprj.components.postgres.state;

import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.StateItem;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Dapr's v2 layout: {@code value bytea}, ETag = a random {@code uuid} column renewed on every write, table
 * {@code <tablePrefix>state}. Bytes are stored exactly as given.
 *
 * @param prefix the {@code tablePrefix}, part of Dapr's metadata keys for this table
 */
record PostgresV2Layout(String table, String prefix) implements PostgresLayout {

    @Override
    public List<String> migrations() {
        String bareTable = table.substring(table.lastIndexOf('.') + 1);
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + table + " (key text NOT NULL PRIMARY KEY, value bytea NOT NULL,"
                        + " etag uuid NOT NULL DEFAULT gen_random_uuid(),"
                        + " created_at timestamp with time zone NOT NULL DEFAULT now(),"
                        + " updated_at timestamp with time zone, expires_at timestamp with time zone);"
                        + " CREATE INDEX IF NOT EXISTS " + bareTable + "_expires_at_idx ON " + table + " (expires_at)",
                PostgresRowId.migration(table));
    }

    @Override
    public String migrationsKey() {
        return "migrations-state-v2-" + prefix;
    }

    @Override
    public String lastCleanupKey() {
        return "last-cleanup-state-v2-" + prefix;
    }

    @Override
    public String expiresColumn() {
        return "expires_at";
    }

    @Override
    public String selectColumns() {
        return "value, etag::text, expires_at";
    }

    @Override
    public String insert() {
        return "INSERT INTO " + table + " AS t (key, value, etag, expires_at) VALUES (?, ?, gen_random_uuid(), "
                + EXPIRY_AFTER_TTL + ")";
    }

    @Override
    public String upsertAssignments() {
        return "value = excluded.value, etag = excluded.etag, updated_at = now(), expires_at = excluded.expires_at";
    }

    @Override
    public String update() {
        return "UPDATE " + table + " SET value = ?, etag = gen_random_uuid(), updated_at = now(), expires_at = "
                + EXPIRY_AFTER_TTL;
    }

    @Override
    public String etagMatches() {
        return "etag = ?::uuid";
    }

    /** Dapr reports an ETag that is not a UUID as a mismatch. */
    @Override
    public String checkEtag(String key, String etag) {
        try {
            return UUID.fromString(etag).toString();
        } catch (IllegalArgumentException e) {
            throw new ETagMismatchException(key);
        }
    }

    @Override
    public void bindValue(PreparedStatement ps, int index, byte[] value) throws SQLException {
        ps.setBytes(index, value);
    }

    @Override
    public StateItem item(ResultSet rs, int first) throws SQLException {
        return PostgresLayout.item(rs.getBytes(first), rs.getString(first + 1), rs, first + 2);
    }
}

package io.daprj.components.postgres.state;

import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateTtl;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One of Dapr's two table layouts for PostgreSQL state: the SQL that differs between them. Every statement is
 * written for the table name given to the layout; the shared parts of the SQL live in {@link PostgresStateTable}.
 * Implementations are immutable.
 */
sealed interface PostgresLayout permits PostgresV1Layout, PostgresV2Layout {

    /** The expiry of a write: now plus a TTL parameter in seconds; a NULL parameter gives no expiry. */
    String EXPIRY_AFTER_TTL = "now() + (?::bigint) * interval '1 second'";

    /** The state table, as configured. */
    String table();

    /** The schema steps in order, each a script of one or more statements; the metadata table records how many ran. */
    List<String> migrations();

    /** The metadata-table key under which the number of applied migrations is kept, as Dapr names it. */
    String migrationsKey();

    /** The metadata-table key recording the last expired-row cleanup. */
    String lastCleanupKey();

    /** The column holding the expiry time. */
    String expiresColumn();

    /** The select list read by {@link #item}: value column(s), ETag, expiry. */
    String selectColumns();

    /** {@code INSERT ... VALUES} with parameters key, value, TTL seconds (or NULL); no ON CONFLICT clause. */
    String insert();

    /** The {@code SET} list of an upsert's {@code DO UPDATE}, taking every column from {@code excluded}. */
    String upsertAssignments();

    /** {@code UPDATE ... SET} taking parameters value and TTL seconds (or NULL), without a WHERE clause. */
    String update();

    /** The condition comparing the ETag column with one parameter. */
    String etagMatches();

    /**
     * The ETag as the statement binds it.
     *
     * @throws io.daprj.spi.state.ETagInvalidException or {@link io.daprj.spi.state.ETagMismatchException} for a value
     *     this layout can never have produced, as Dapr's store reports it
     */
    String checkEtag(String key, String etag);

    /** Binds the value's bytes at {@code index}. */
    void bindValue(PreparedStatement ps, int index, byte[] value) throws SQLException;

    /** The item of the current row, read from the {@link #selectColumns} starting at column {@code first}. */
    StateItem item(ResultSet rs, int first) throws SQLException;

    /** The item of a row's value and ETag, with the expiry (if any) read from column {@code expiresColumn}. */
    static StateItem item(byte[] data, String etag, ResultSet rs, int expiresColumn) throws SQLException {
        Optional<OffsetDateTime> expires = Optional.ofNullable(rs.getObject(expiresColumn, OffsetDateTime.class));
        return new StateItem(data, Optional.of(etag),
                StateTtl.responseMetadata(expires.map(OffsetDateTime::toInstant)), Optional.empty());
    }
}

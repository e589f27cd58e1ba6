package io.daprj.components.jdbc;

import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.SetRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The SQL of one state table's writes, run on a connection the caller lends and neither commits nor closes. A failed
 * ETag or first-write check throws the SPI's exception for it, after which the caller rolls back.
 */
public interface JdbcStateTable {

    /** One save; {@code ttlSeconds} as read by {@link io.daprj.spi.state.StateTtl#seconds}, empty for no expiry. */
    void set(Connection c, SetRequest request, Optional<Long> ttlSeconds) throws SQLException;

    /** One delete; deleting a missing key without an ETag succeeds. */
    void delete(Connection c, DeleteRequest request) throws SQLException;
}

package io.daprj.components.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one borrowed connection; it must not keep the connection after returning. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}

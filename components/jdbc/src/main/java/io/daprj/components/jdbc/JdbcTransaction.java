package io.daprj.components.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work as one database transaction on a connection the caller holds. */
public final class JdbcTransaction {

    private JdbcTransaction() {}

    /**
     * Runs {@code work} with auto-commit off and commits; any exception rolls everything back and is rethrown.
     * Auto-commit is back on afterwards either way, so the connection can go back to its pool as it came.
     */
    public static <T> T run(Connection c, SqlWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.apply(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}

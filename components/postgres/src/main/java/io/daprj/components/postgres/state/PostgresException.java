package io.daprj.components.postgres.state;

import java.sql.SQLException;

/** A database failure that is not the caller's fault, such as a lost connection or a timeout; reported as internal. */
public final class PostgresException extends RuntimeException {

    PostgresException(String where, SQLException cause) {
        super(where + ": " + cause.getMessage() + " (SQLSTATE " + cause.getSQLState() + ")", cause);
    }
}

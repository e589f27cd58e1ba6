package io.daprj.components.core.sqlite;

import java.sql.SQLException;

/** A database failure that is not the caller's fault, such as a locked or corrupt file; reported as internal. */
public final class UncheckedSqlException extends RuntimeException {

    public UncheckedSqlException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}

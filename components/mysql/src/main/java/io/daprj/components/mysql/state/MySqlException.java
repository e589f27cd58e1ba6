package io.daprj.components.mysql.state;

import java.sql.SQLException;

/** A database failure that is not the caller's fault, such as a lost connection or a timeout; reported as internal. */
public final class MySqlException extends RuntimeException {

    MySqlException(String where, SQLException cause) {
        super(where + ": " + cause.getMessage() + " (error " + cause.getErrorCode() + ")", cause);
    }
}

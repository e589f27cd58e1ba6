package io.daprj.components.postgres.bindings;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.daprj.components.jdbc.bindings.SqlCall;
import io.daprj.components.jdbc.bindings.SqlOutputBinding;
import io.daprj.components.jdbc.bindings.SqlRowsJson;
import io.daprj.components.postgres.state.PostgresConnectionString;
import io.daprj.spi.ComponentMetadata;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * {@code bindings.postgresql}: {@code exec}, {@code query} (rows as arrays of column values) and {@code close} on
 * a HikariCP pool; see {@link SqlOutputBinding}. Placeholders are PostgreSQL's {@code $1, $2 …}, as with pgx
 * ({@link PostgresPlaceholders}); a string parameter is sent untyped so that the server infers its type, as pgx's
 * text encoding lets it.
 */
public final class PostgresOutputBinding extends SqlOutputBinding {

    @Override
    protected DataSource openPool(ComponentMetadata componentMetadata) {
        PostgresBindingMetadata metadata = componentMetadata.bind(PostgresBindingMetadata.class);
        PostgresConnectionString target = PostgresConnectionString.parse(metadata.connectionString());
        statementTimeout(metadata.callTimeout());
        HikariConfig config = new HikariConfig();
        config.setPoolName("daprj-binding-" + componentMetadata.name());
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(target.jdbcUrl());
        Properties properties = new Properties();
        properties.putAll(target.properties());
        properties.setProperty("stringtype", "unspecified");
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(metadata.maxConns().or(target::poolMaxConns)
                .orElse(Math.max(4, Runtime.getRuntime().availableProcessors())));
        config.setMinimumIdle(1);
        config.setConnectionTimeout(metadata.callTimeout().toMillis());
        config.setInitializationFailTimeout(metadata.callTimeout().toMillis());
        metadata.connectionMaxIdleTime().ifPresent(t -> config.setIdleTimeout(t.toMillis()));
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("failed to ping the DB: " + e.getMessage(), e);
        }
    }

    @Override
    protected SqlCall jdbcCall(SqlCall call) {
        return PostgresPlaceholders.toJdbc(call);
    }

    @Override
    protected byte[] rowsAsJson(ResultSet rows) throws SQLException, IOException {
        return SqlRowsJson.arrays(rows);
    }

    /** pgx's form: {@code ERROR: <message> (SQLSTATE <code>)}. */
    @Override
    protected String describe(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) {
            return e.getMessage();
        }
        return server.getSeverity() + ": " + server.getMessage() + " (SQLSTATE " + server.getSQLState() + ")";
    }
}

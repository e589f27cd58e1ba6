package io.daprj.components.mysql.bindings;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.daprj.components.jdbc.bindings.SqlOutputBinding;
import io.daprj.components.jdbc.bindings.SqlRowsJson;
import io.daprj.components.mysql.state.MySqlConnectionString;
import io.daprj.spi.ComponentMetadata;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * {@code bindings.mysql} (MySQL and MariaDB): {@code exec}, {@code query} (rows as objects keyed by column, NULL
 * columns left out) and {@code close} on a HikariCP pool of MariaDB JDBC connections; see
 * {@link SqlOutputBinding}. Placeholders are {@code ?}.
 */
public final class MySqlOutputBinding extends SqlOutputBinding {

    private static final Pattern CONNECTION_TAG = Pattern.compile("^\\(conn=\\d+\\)\\s*");

    @Override
    protected DataSource openPool(ComponentMetadata componentMetadata) {
        MySqlBindingMetadata metadata = componentMetadata.bind(MySqlBindingMetadata.class);
        MySqlConnectionString target;
        try {
            target = MySqlConnectionString.parse(metadata.url().orElseThrow(), metadata.pemPath());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("illegal Data Source Name (DSN) specified by url: " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("daprj-binding-" + componentMetadata.name());
        config.setDriverClassName("org.mariadb.jdbc.Driver");
        config.setJdbcUrl(target.jdbcUrl());
        Properties properties = new Properties();
        properties.putAll(target.properties());
        // TINYINT(1) is a number to Go's driver, not a boolean
        properties.setProperty("tinyInt1isBit", "false");
        // rows-affected counts changed rows, as Go's driver does, not the rows an UPDATE matched
        properties.setProperty("useAffectedRows", "true");
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(metadata.poolSize());
        config.setMinimumIdle(metadata.minimumIdle());
        config.setMaxLifetime(metadata.connMaxLifetime().filter(Duration::isPositive)
                .map(t -> Math.max(30_000, t.toMillis())).orElse(0L));
        config.setIdleTimeout(metadata.connMaxIdleTime().filter(Duration::isPositive)
                .map(t -> Math.max(10_000, t.toMillis())).orElse(0L));
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("unable to ping the DB: " + e.getMessage(), e);
        }
    }

    @Override
    protected byte[] rowsAsJson(ResultSet rows) throws SQLException, IOException {
        return SqlRowsJson.objects(rows);
    }

    /** Go's MySQL driver's form: {@code Error <number> (<SQLSTATE>): <message>}. */
    @Override
    protected String describe(SQLException e) {
        String message = CONNECTION_TAG.matcher(String.valueOf(e.getMessage())).replaceFirst("");
        return e.getErrorCode() > 0 ? "Error " + e.getErrorCode() + " (" + e.getSQLState() + "): " + message : message;
    }
}

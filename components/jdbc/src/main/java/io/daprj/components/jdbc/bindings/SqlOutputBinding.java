package io.daprj.components.jdbc.bindings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.GoDuration;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.OutputBinding;
import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Dapr's SQL output binding ({@code bindings.postgresql}, {@code bindings.mysql}): operations {@code exec},
 * {@code query} and {@code close}. The statement is request metadata {@code sql}; {@code params} is an optional JSON
 * array bound to its placeholders in order. Both answer metadata {@code operation}, {@code sql}, {@code start-time},
 * {@code end-time} (RFC 3339, UTC) and {@code duration}; {@code exec} adds {@code rows-affected}, {@code query}
 * answers the rows as JSON in the shape a subclass chooses. {@code close} closes the pool; later calls fail with
 * {@code component is closed}, as in Dapr.
 *
 * <p>Thread safe; calls block on the subclass's connection pool. A database error is a
 * {@link BindingInvokeException} {@code error executing query: <the database's message>}.
 */
public abstract class SqlOutputBinding implements OutputBinding {

    /** Dapr's operations, in Dapr's order. */
    public static final List<String> OPERATIONS = List.of("exec", "query", "close");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicBoolean closed = new AtomicBoolean();
    private DataSource pool;
    private Duration statementTimeout = Duration.ZERO;

    /**
     * Opens the connection pool from the component metadata; the pool must also be {@link Closeable}.
     *
     * @throws Exception naming the metadata field at fault, or when the database cannot be reached
     */
    protected abstract DataSource openPool(ComponentMetadata metadata) throws Exception;

    /**
     * The rows of {@code query} as the JSON Dapr's binding answers for this database; {@code rows} is null for a
     * statement without rows.
     */
    protected abstract byte[] rowsAsJson(ResultSet rows) throws SQLException, IOException;

    /**
     * The statement and parameters as JDBC takes them, from the statement as Dapr's Go driver takes it (where
     * placeholders may differ); unchanged by default.
     */
    protected SqlCall jdbcCall(SqlCall call) {
        return call;
    }

    /** The database's error as Dapr's Go driver prints it; the driver's message by default. */
    protected String describe(SQLException e) {
        return e.getMessage();
    }

    /** Sets the time one statement may take; none (0) by default. */
    protected final void statementTimeout(Duration timeout) {
        this.statementTimeout = timeout;
    }

    @Override
    public final void init(ComponentMetadata metadata) throws Exception {
        if (closed.get()) {
            throw new IllegalStateException("cannot initialize a previously-closed component");
        }
        pool = openPool(metadata);
    }

    @Override
    public final List<String> operations() {
        return OPERATIONS;
    }

    @Override
    public final Optional<BindingResponse> invoke(String operation, byte[] data, Map<String, String> metadata) {
        if (operation.equals("close")) {
            close();
            return Optional.empty();
        }
        if (closed.get()) {
            throw new BindingInvokeException("component is closed", Map.of());
        }
        if (!operation.equals("exec") && !operation.equals("query")) {
            throw new BindingInvokeException("invalid operation type: " + operation
                    + ". Expected exec, query, or close", Map.of());
        }
        String sql = metadata.getOrDefault("sql", "");
        if (sql.isEmpty()) {
            throw new BindingInvokeException("required metadata not set: sql", Map.of());
        }
        List<?> params = params(metadata.getOrDefault("params", ""));
        Map<String, String> answer = new HashMap<>();
        answer.put("operation", operation);
        answer.put("sql", sql);
        Instant start = Instant.now();
        answer.put("start-time", SqlColumnValue.RFC3339_NANO.format(start));
        byte[] rows = new byte[0];
        SqlCall call = jdbcCall(new SqlCall(sql, params));
        try (Connection c = pool.getConnection(); PreparedStatement statement = c.prepareStatement(call.sql())) {
            statement.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, statementTimeout.toSeconds()));
            SqlParameters.bind(statement, call.params());
            boolean hasRows = statement.execute();
            if (operation.equals("exec")) {
                answer.put("rows-affected", Long.toString(hasRows ? count(statement.getResultSet())
                        : Math.max(0, statement.getLargeUpdateCount())));
            } else {
                rows = rowsAsJson(hasRows ? statement.getResultSet() : null);
            }
        } catch (SQLException e) {
            throw new BindingInvokeException("error executing query: " + describe(e), Map.of());
        } catch (IOException e) {
            throw new BindingInvokeException("error serializing results: " + e.getMessage(), Map.of());
        }
        Instant end = Instant.now();
        answer.put("end-time", SqlColumnValue.RFC3339_NANO.format(end));
        answer.put("duration", GoDuration.format(Duration.between(start, end)));
        return Optional.of(new BindingResponse(rows, answer, Optional.of("application/json")));
    }

    /** Closes the pool; repeated calls do nothing, as Dapr allows. */
    @Override
    public final void close() {
        if (closed.compareAndSet(false, true) && pool instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // the pool is gone either way
            }
        }
    }

    private static long count(ResultSet rows) throws SQLException {
        long n = 0;
        while (rows.next()) {
            n++;
        }
        return n;
    }

    private static List<?> params(String json) {
        if (json.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, List.class);
        } catch (JsonProcessingException e) {
            throw new BindingInvokeException("invalid metadata property params: failed to unserialize into an array: "
                    + e.getOriginalMessage(), Map.of());
        }
    }
}

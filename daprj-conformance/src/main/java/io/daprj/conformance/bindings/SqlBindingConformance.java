package io.daprj.conformance.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.OutputBinding;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Dapr's SQL output bindings ({@code bindings.postgresql}, {@code bindings.mysql}) share: {@code exec} with
 * {@code rows-affected} and the time metadata, {@code params} bound in order, the refusals of a missing {@code sql}
 * or of {@code params} that are not an array, a database error as {@code error executing query: …}, and
 * {@code close}. A subclass gives a binding on a real server and the database's placeholder; it adds the cases of
 * its own row shape and error text using {@link #call} and {@link #table()}.
 */
public abstract class SqlBindingConformance {

    private final String table = "daprj_b_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private OutputBinding binding;

    /** A new, initialised binding. */
    protected abstract OutputBinding newBinding() throws Exception;

    /** The database's placeholder for parameter {@code n} (1-based): {@code $n} or {@code ?}. */
    protected abstract String placeholder(int n);

    /** The columns of this test's table, after {@code id} and {@code name}, in the database's types; none by default. */
    protected String extraColumns() {
        return "";
    }

    /** This run's table, created before each case with columns {@code id int primary key, name varchar(20)}. */
    protected final String table() {
        return table;
    }

    protected final OutputBinding binding() {
        return binding;
    }

    @BeforeEach
    void createTable() throws Exception {
        binding = newBinding();
        call("exec", "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20)" + extraColumns() + ")", null);
    }

    @AfterEach
    void dropTable() throws Exception {
        binding.close();
        OutputBinding cleanup = newBinding();
        try {
            call(cleanup, "exec", "DROP TABLE IF EXISTS " + table, null);
        } finally {
            cleanup.close();
        }
    }

    /** Invokes {@code operation} with metadata {@code sql} and, unless null, {@code params}. */
    protected final BindingResponse call(String operation, String sql, String params) {
        return call(binding, operation, sql, params);
    }

    private static BindingResponse call(OutputBinding on, String operation, String sql, String params) {
        Map<String, String> metadata = params == null ? Map.of("sql", sql) : Map.of("sql", sql, "params", params);
        return on.invoke(operation, new byte[0], metadata).orElseThrow();
    }

    /** The response's data as text. */
    protected static String text(BindingResponse response) {
        return new String(response.data(), StandardCharsets.UTF_8);
    }

    @Test
    void operationsAreExecQueryAndCloseInDaprsOrder() {
        assertThat(binding.operations()).containsExactly("exec", "query", "close");
    }

    @Test
    void execAnswersRowsAffectedWithTheStatementAndItsTimes() {
        String insert = "INSERT INTO " + table + " (id, name) VALUES (" + placeholder(1) + ", " + placeholder(2)
                + "), (" + placeholder(3) + ", " + placeholder(4) + ")";
        BindingResponse response = call("exec", insert, "[1, \"one\", 2, \"two\"]");
        assertThat(response.metadata()).containsEntry("rows-affected", "2").containsEntry("operation", "exec")
                .containsEntry("sql", insert).containsKey("duration");
        assertThat(Instant.parse(response.metadata().get("end-time")))
                .isAfterOrEqualTo(Instant.parse(response.metadata().get("start-time")));
        assertThat(response.data()).isEmpty();
        assertThat(call("exec", "DELETE FROM " + table + " WHERE id > " + placeholder(1), "[1]").metadata())
                .containsEntry("rows-affected", "1");
    }

    @Test
    void queryBindsParamsAndAnswersTheMatchingRowsWithItsMetadata() {
        call("exec", "INSERT INTO " + table + " (id, name) VALUES (1, 'one'), (2, 'two')", null);
        BindingResponse response = call("query", "SELECT name FROM " + table + " WHERE id = " + placeholder(1), "[2]");
        assertThat(text(response)).contains("\"two\"").doesNotContain("\"one\"");
        assertThat(response.metadata()).containsEntry("operation", "query").containsKeys("start-time", "end-time");
    }

    @Test
    void aMissingStatementOrParamsThatAreNotAnArrayAreRefused() {
        assertThatThrownBy(() -> binding.invoke("exec", new byte[0], Map.of()))
                .isInstanceOf(BindingInvokeException.class).hasMessage("required metadata not set: sql");
        assertThatThrownBy(() -> call("query", "SELECT 1", "{\"a\":1}")).isInstanceOf(BindingInvokeException.class)
                .hasMessageStartingWith("invalid metadata property params: failed to unserialize into an array");
    }

    @Test
    void aDatabaseErrorIsReportedWithTheDatabasesMessage() {
        assertThatThrownBy(() -> call("exec", "INSERT INTO " + table + "_missing VALUES (1)", null))
                .isInstanceOf(BindingInvokeException.class)
                .hasMessageStartingWith("error executing query: ")
                .hasMessageContaining(table + "_missing");
    }

    @Test
    void closeEndsTheBindingAndMayBeRepeated() {
        assertThat(binding.invoke("close", new byte[0], Map.of())).isEmpty();
        assertThat(binding.invoke("close", new byte[0], Map.of())).isEmpty();
        assertThatThrownBy(() -> call("query", "SELECT 1", null)).hasMessage("component is closed");
    }
}

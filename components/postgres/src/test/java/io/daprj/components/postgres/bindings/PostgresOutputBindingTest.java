package io.daprj.components.postgres.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.conformance.bindings.SqlBindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.OutputBinding;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bindings.postgresql} against the machine's PostgreSQL: the SQL binding cases plus pgx's shapes. */
class PostgresOutputBindingTest extends SqlBindingConformance {

    @Override
    protected OutputBinding newBinding() throws Exception {
        PostgresOutputBinding binding = new PostgresOutputBinding();
        binding.init(ComponentMetadata.of("sql", "bindings.postgresql",
                Map.of("connectionString", PostgresBindingConformanceTest.CONNECTION_STRING)));
        return binding;
    }

    @Override
    protected String placeholder(int n) {
        return "$" + n;
    }

    @Override
    protected String extraColumns() {
        return ", ok boolean, price numeric(6,2), at timestamp, doc jsonb, raw bytea, note text, atz timestamptz,"
                + " day date, tags text[], ref uuid";
    }

    @Test
    void queryAnswersEachRowAsAnArrayOfColumnValuesInColumnOrder() {
        call("exec", "INSERT INTO " + table() + " VALUES (1, 'one', true, 12.50, '2024-01-02 03:04:05.5',"
                + " '{\"a\": [1, 2]}', '\\x6869', NULL, '2024-01-02 03:04:05+02', '2024-01-02', '{x,y}',"
                + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')", null);
        assertThat(text(call("query", "SELECT * FROM " + table() + " WHERE id = $1", "[1]")))
                .isEqualTo("[[1,\"one\",true,12.50,\"2024-01-02T03:04:05.5Z\",{\"a\":[1,2]},\"aGk=\",null,"
                        + "\"2024-01-02T01:04:05Z\",\"2024-01-02T00:00:00Z\",[\"x\",\"y\"],"
                        + "\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"]]");
        assertThat(text(call("query", "SELECT * FROM " + table() + " WHERE id = 2", null))).isEqualTo("[]");
    }

    @Test
    void aStringParameterTakesTheColumnsTypeAsWithPgx() {
        call("exec", "INSERT INTO " + table() + " (id, name) VALUES ($1, $2)", "[\"7\", \"seven\"]");
        assertThat(text(call("query", "SELECT id FROM " + table() + " WHERE id = $1", "[\"7\"]"))).isEqualTo("[[7]]");
    }

    @Test
    void badSqlFailsWithPgxsFormOfTheServerError() {
        assertThatThrownBy(() -> call("query", "SELEC 1", null))
                .isInstanceOf(BindingInvokeException.class)
                .hasMessage("error executing query: ERROR: syntax error at or near \"SELEC\" (SQLSTATE 42601)");
    }

    @Test
    void initFailsOnABadTimeoutOrAServerThatCannotBeReached() {
        assertThatThrownBy(() -> new PostgresOutputBinding().init(ComponentMetadata.of("sql", "bindings.postgresql",
                Map.of("connectionString", "host=127.0.0.1 port=1 user=postgres dbname=test", "timeout", "1s"))))
                .hasMessageStartingWith("failed to ping the DB");
        assertThatThrownBy(() -> new PostgresOutputBinding().init(ComponentMetadata.of("sql", "bindings.postgresql",
                Map.of("connectionString", PostgresBindingConformanceTest.CONNECTION_STRING, "timeout", "500ms"))))
                .hasMessageContaining("'timeout'");
    }
}

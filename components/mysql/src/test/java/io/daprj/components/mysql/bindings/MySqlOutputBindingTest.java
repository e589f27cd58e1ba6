package io.daprj.components.mysql.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.conformance.bindings.SqlBindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.OutputBinding;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bindings.mysql} against the machine's MariaDB: the SQL binding cases plus Go's MySQL driver's shapes. */
class MySqlOutputBindingTest extends SqlBindingConformance {

    @Override
    protected OutputBinding newBinding() throws Exception {
        MySqlOutputBinding binding = new MySqlOutputBinding();
        binding.init(ComponentMetadata.of("sql", "bindings.mysql", Map.of("url", MySqlBindingConformanceTest.URL,
                "maxOpenConns", "3", "maxIdleConns", "1", "connMaxLifetime", "5m", "connMaxIdleTime", "1m")));
        return binding;
    }

    @Override
    protected String placeholder(int n) {
        return "?";
    }

    @Override
    protected String extraColumns() {
        return ", flag TINYINT(1), price DECIMAL(6,2), at DATETIME(3), raw VARBINARY(8), note TEXT, day DATE,"
                + " ratio DOUBLE";
    }

    @Test
    void queryAnswersEachRowAsAnObjectKeyedByColumnLeavingOutNulls() {
        call("exec", "INSERT INTO " + table() + " VALUES (1, 'one', 1, 12.50, '2024-01-02 03:04:05.250', x'6869',"
                + " NULL, '2024-01-02', 0.5)", null);
        assertThat(text(call("query", "SELECT id, name, flag, price, at, raw, note AS remark, day, ratio FROM "
                + table() + " WHERE id = ?", "[1]")))
                .isEqualTo("[{\"id\":1,\"name\":\"one\",\"flag\":1,\"price\":12.50,"
                        + "\"at\":\"2024-01-02T03:04:05.25Z\",\"raw\":\"aGk=\",\"day\":\"2024-01-02T00:00:00Z\","
                        + "\"ratio\":0.5}]");
    }

    @Test
    void rowsAffectedCountsChangedRowsNotMatchedOnes() {
        call("exec", "INSERT INTO " + table() + " (id, name) VALUES (1, 'same'), (2, 'old')", null);
        assertThat(call("exec", "UPDATE " + table() + " SET name = 'same'", null).metadata())
                .containsEntry("rows-affected", "1");
    }

    @Test
    void aQueryWithoutRowsAnswersNullAsDaprDoes() {
        assertThat(text(call("query", "SELECT * FROM " + table(), null))).isEqualTo("null");
    }

    @Test
    void badSqlFailsWithGosFormOfTheServerError() {
        assertThatThrownBy(() -> call("query", "SELEC 1", null))
                .isInstanceOf(BindingInvokeException.class)
                .hasMessageStartingWith("error executing query: Error 1064 (42000): You have an error in your SQL syntax");
    }

    @Test
    void initNeedsAReadableUrl() {
        assertThatThrownBy(() -> new MySqlOutputBinding().init(ComponentMetadata.of("sql", "bindings.mysql", Map.of())))
                .hasMessage("missing MySql connection string");
        assertThatThrownBy(() -> new MySqlOutputBinding().init(ComponentMetadata.of("sql", "bindings.mysql",
                Map.of("url", "root@tcp(127.0.0.1:3306)"))))
                .hasMessageStartingWith("illegal Data Source Name (DSN) specified by url");
    }
}

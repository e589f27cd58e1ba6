package io.daprj.components.postgres.bindings;

import io.daprj.conformance.bindings.BindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.Binding;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

class PostgresBindingConformanceTest extends BindingConformance {

    static final String CONNECTION_STRING = "host=127.0.0.1 port=5432 user=postgres dbname=test";

    /** Runs {@code sql} on a JDBC connection of its own. */
    static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    protected Binding newBinding() throws Exception {
        PostgresOutputBinding binding = new PostgresOutputBinding();
        binding.init(ComponentMetadata.of("sql", "bindings.postgresql", Map.of("connectionString", CONNECTION_STRING)));
        return binding;
    }

    @Override
    protected Set<String> testedOperations() {
        return Set.of("operations", "exec", "query", "close");
    }
}

package io.daprj.components.mysql.bindings;

import io.daprj.conformance.bindings.BindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.Binding;
import java.util.Map;
import java.util.Set;

class MySqlBindingConformanceTest extends BindingConformance {

    /** The machine's MariaDB as Dapr's {@code url} names it (Go's DSN). */
    static final String URL = "root:@tcp(127.0.0.1:3306)/test?parseTime=true";

    @Override
    protected Binding newBinding() throws Exception {
        MySqlOutputBinding binding = new MySqlOutputBinding();
        binding.init(ComponentMetadata.of("sql", "bindings.mysql", Map.of("url", URL)));
        return binding;
    }

    @Override
    protected Set<String> testedOperations() {
        return Set.of("operations", "exec", "query", "close");
    }
}

package io.daprj.components.postgres.configuration;

import io.daprj.conformance.configuration.ConfigurationBackend;
import io.daprj.conformance.configuration.ConfigurationStoreConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationStore;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The PostgreSQL configuration store passes the configuration conformance suite against the server on
 * 127.0.0.1:5432, on a table of this run with Dapr's documented trigger. A delete is reported with the deleted row,
 * as Dapr's store does (the trigger sends {@code OLD}).
 */
class PostgresConfigurationStoreConformanceTest extends ConfigurationStoreConformance {

    private static PostgresConfigurationTable table;

    @BeforeAll
    static void createTable() throws Exception {
        table = new PostgresConfigurationTable();
    }

    @AfterAll
    static void dropTable() throws Exception {
        table.close();
    }

    @Override
    protected ConfigurationStore newStore() {
        PostgresConfigurationStore store = new PostgresConfigurationStore();
        store.init(ComponentMetadata.of("configstore", "configuration.postgresql", Map.of(
                "connectionString", PostgresConfigurationTable.CONNECTION_STRING,
                "table", table.name,
                "notifyChannel", table.name)));
        return store;
    }

    @Override
    protected ConfigurationBackend backend() {
        return table;
    }

    @Override
    protected ConfigurationItem deletedItem(ConfigurationItem last) {
        return last;
    }
}

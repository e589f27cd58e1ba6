package io.daprj.components.redis.configuration;

import io.daprj.components.redis.RedisTestDatabase;
import io.daprj.conformance.configuration.ConfigurationBackend;
import io.daprj.conformance.configuration.ConfigurationStoreConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationStore;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Redis configuration store passes the configuration conformance suite against the server on 127.0.0.1:6379,
 * in a test database this class holds alone; the backend writes {@code value||version} with MSET and deletes with
 * DEL, as Dapr's config updater does.
 */
class RedisConfigurationStoreConformanceTest extends ConfigurationStoreConformance {

    private static RedisTestDatabase database;

    @BeforeAll
    static void hold() {
        database = new RedisTestDatabase();
    }

    @AfterAll
    static void release() {
        database.deleteKeys("conf_*");
        database.close();
    }

    @Override
    protected ConfigurationStore newStore() {
        RedisConfigurationStore store = new RedisConfigurationStore();
        store.init(ComponentMetadata.of("configstore", "configuration.redis", database.metadata(Map.of(), Map.of())));
        return store;
    }

    @Override
    protected ConfigurationBackend backend() {
        return new ConfigurationBackend() {
            @Override
            public void put(Map<String, ConfigurationItem> items) {
                Map<String, byte[]> values = new LinkedHashMap<>();
                items.forEach((key, item) ->
                        values.put(key, RedisConfigurationValue.format(item).getBytes(StandardCharsets.UTF_8)));
                database.raw().mset(values);
            }

            @Override
            public void delete(Collection<String> keys) {
                database.raw().del(keys.toArray(String[]::new));
            }
        };
    }
}

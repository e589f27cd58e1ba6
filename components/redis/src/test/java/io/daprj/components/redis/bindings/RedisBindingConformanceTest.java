package io.daprj.components.redis.bindings;

import io.daprj.components.redis.RedisTestDatabase;
import io.daprj.conformance.bindings.BindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.Binding;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Redis binding passes the bindings conformance suite (Dapr tests it with create and operations; get and delete
 * too here) against the server on 127.0.0.1:6379. Its key is new to each run and expires within a minute.
 */
class RedisBindingConformanceTest extends BindingConformance {

    private final String key = "daprj-binding-" + UUID.randomUUID();

    @Override
    protected Binding newBinding() {
        RedisOutputBinding binding = new RedisOutputBinding();
        binding.init(ComponentMetadata.of("cache", "bindings.redis", Map.of("redisHost", RedisTestDatabase.HOST)));
        return binding;
    }

    @Override
    protected Set<String> testedOperations() {
        return Set.of("operations", "create", "get", "delete");
    }

    @Override
    protected Map<String, String> outputMetadata() {
        return Map.of("key", key, "ttlInSeconds", "60");
    }
}

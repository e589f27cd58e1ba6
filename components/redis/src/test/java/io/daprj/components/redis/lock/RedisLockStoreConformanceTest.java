package io.daprj.components.redis.lock;

import io.daprj.conformance.lock.LockStoreConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.lock.LockStore;
import java.util.Map;

/**
 * The Redis lock store passes the lock conformance suite against the server on 127.0.0.1:6379. Every key is new
 * and expires within 30 s, so the shared database needs no cleanup.
 */
class RedisLockStoreConformanceTest extends LockStoreConformance {

    static final String HOST = io.daprj.components.redis.RedisTestDatabase.HOST;

    @Override
    protected LockStore newStore() {
        RedisLockStore store = new RedisLockStore();
        store.init(ComponentMetadata.of("lockstore", "lock.redis", Map.of("redisHost", HOST)));
        return store;
    }
}

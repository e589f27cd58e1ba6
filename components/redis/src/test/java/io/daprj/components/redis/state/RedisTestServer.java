package io.daprj.components.redis.state;

import io.daprj.components.redis.RedisTestDatabase;
import io.daprj.spi.ComponentMetadata;
import java.util.Map;

/** A test database of this machine's Redis ({@link RedisTestDatabase}) that opens state stores on it. */
final class RedisTestServer extends RedisTestDatabase {

    static final String HOST = RedisTestDatabase.HOST;

    /** A store on this class's database, initialised; {@code extra} overrides the defaults. */
    RedisStateStore store(Map<String, String> extra) {
        RedisStateStore store = new RedisStateStore();
        store.init(ComponentMetadata.of("statestore", "state.redis", metadata(Map.of(), extra)));
        return store;
    }
}

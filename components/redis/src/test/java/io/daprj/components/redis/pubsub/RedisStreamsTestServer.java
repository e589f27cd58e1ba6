package io.daprj.components.redis.pubsub;

import io.daprj.components.redis.RedisTestDatabase;
import io.daprj.spi.ComponentMetadata;
import java.util.Map;

/**
 * A test database of this machine's Redis ({@link RedisTestDatabase}) that opens brokers on it with short timeouts;
 * its raw connection writes and inspects streams as daprd would.
 */
final class RedisStreamsTestServer extends RedisTestDatabase {

    /** An initialised broker on this class's database; {@code extra} overrides the defaults. */
    RedisPubSub pubsub(Map<String, String> extra) {
        RedisPubSub pubsub = new RedisPubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.redis", metadata(
                Map.of("processingTimeout", "1s", "redeliverInterval", "100ms", "readTimeout", "500ms"), extra)));
        return pubsub;
    }
}

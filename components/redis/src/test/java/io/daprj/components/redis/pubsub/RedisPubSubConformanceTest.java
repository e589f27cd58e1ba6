package io.daprj.components.redis.pubsub;

import io.daprj.conformance.pubsub.PubSubConformance;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/** The Redis Streams broker passes the pub/sub conformance suite on the real server; one at a time, it keeps order. */
class RedisPubSubConformanceTest extends PubSubConformance {

    private static final RedisStreamsTestServer SERVER = new RedisStreamsTestServer();

    @AfterAll
    static void deleteConformanceStreams() {
        try (SERVER) {
            SERVER.deleteKeys("conformance-*");
        }
    }

    @Override
    protected PubSub newPubSub() {
        return SERVER.pubsub(Map.of("consumerID", "conformance", "concurrency", "1", "processingTimeout", "300ms"));
    }

    @Override
    protected Set<PubSubFeature> expectedFeatures() {
        return Set.of();
    }
}

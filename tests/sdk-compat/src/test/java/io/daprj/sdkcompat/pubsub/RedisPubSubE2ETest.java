package io.daprj.sdkcompat.pubsub;

import io.daprj.sdkcompat.harness.RedisServer;
import io.daprj.sdkcompat.harness.TcpPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The kill test on {@code pubsub.redis} (Streams) against this machine's Redis. Entries the killed sidecar had read
 * but not acknowledged stay pending in the group; the restarted sidecar claims them after {@code processingTimeout}
 * (2 s here, scanned every second). The run's streams are deleted afterwards.
 */
class RedisPubSubE2ETest extends AbstractPubSubE2ETest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: redis-pubsub
            spec:
              type: pubsub.redis
              version: v1
              metadata:
              - {name: redisHost, value: "%s"}
              - {name: processingTimeout, value: "2s"}
              - {name: redeliverInterval, value: "1s"}
            """;

    @Override
    String pubsubName() {
        return "redis-pubsub";
    }

    @Override
    String componentType() {
        return "pubsub.redis";
    }

    @Override
    Optional<String> brokerUnavailable() {
        return TcpPorts.unreachable("127.0.0.1", 6379);
    }

    @Override
    void writeComponents(Path resources) throws IOException {
        Files.writeString(resources.resolve("redis-pubsub.yaml"), COMPONENT.formatted(RedisServer.HOST));
    }

    @Override
    void cleanUp(String topic, String deadLetterTopic) throws IOException {
        RedisServer.deleteKeysStartingWith(topic); // the dead-letter stream's name starts with the topic's
    }
}

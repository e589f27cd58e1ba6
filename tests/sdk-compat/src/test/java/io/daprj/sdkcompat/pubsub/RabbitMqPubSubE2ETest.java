package io.daprj.sdkcompat.pubsub;

import io.daprj.sdkcompat.harness.TcpPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The kill test on {@code pubsub.rabbitmq} against this machine's broker: durable queues that outlive their consumer
 * ({@code deletedWhenUnused: false}), so what the killed sidecar held unacknowledged is requeued by the broker and
 * what was published while it was down waits in the queue. The run's queues are deleted afterwards.
 */
class RabbitMqPubSubE2ETest extends AbstractPubSubE2ETest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: rabbit-pubsub
            spec:
              type: pubsub.rabbitmq
              version: v1
              metadata:
              - {name: connectionString, value: "amqp://guest:guest@127.0.0.1:5672"}
              - {name: durable, value: "true"}
              - {name: deletedWhenUnused, value: "false"}
              - {name: requeueInFailure, value: "true"}
            """;

    @Override
    String pubsubName() {
        return "rabbit-pubsub";
    }

    @Override
    String componentType() {
        return "pubsub.rabbitmq";
    }

    @Override
    Optional<String> brokerUnavailable() {
        return TcpPorts.unreachable("127.0.0.1", 5672);
    }

    @Override
    void writeComponents(Path resources) throws IOException {
        Files.writeString(resources.resolve("rabbit-pubsub.yaml"), COMPONENT);
    }

    @Override
    void cleanUp(String topic, String deadLetterTopic) throws Exception {
        for (String queue : new String[] {subscriberQueue(topic), subscriberQueue(deadLetterTopic)}) {
            new ProcessBuilder("rabbitmqctl", "delete_queue", queue).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    /** Dapr's queue name: {@code {consumerID}-{topic}}, the consumer id being the subscriber's app id. */
    private String subscriberQueue(String topic) {
        return subscriberId() + "-" + topic;
    }
}

package io.daprj.sdkcompat.pubsub;

import io.daprj.sdkcompat.harness.NatsServer;
import io.daprj.sdkcompat.harness.TcpPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The kill test on {@code pubsub.jetstream} against this machine's NATS: a durable consumer ({@code durableName}),
 * so what the killed sidecar never acknowledged is delivered again after {@code ackWait} and what was published while
 * it was away waits in the stream. The run's stream (holding the topic and its dead-letter topic) is made first, as
 * Dapr expects, and deleted afterwards.
 */
class JetStreamPubSubE2ETest extends AbstractPubSubE2ETest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: jetstream-pubsub
            spec:
              type: pubsub.jetstream
              version: v1
              metadata:
              - {name: natsURL, value: "%s"}
              - {name: durableName, value: "%s"}
              - {name: ackWait, value: "2s"}
              - {name: deliverPolicy, value: "all"}
            """;

    @Override
    String pubsubName() {
        return "jetstream-pubsub";
    }

    @Override
    String componentType() {
        return "pubsub.jetstream";
    }

    @Override
    Optional<String> brokerUnavailable() {
        return TcpPorts.unreachable("127.0.0.1", 4222);
    }

    @Override
    void writeComponents(Path resources) throws IOException {
        NatsServer.createStream(streamName(), topic());
        NatsServer.createStream(streamName() + "_DEAD", deadLetterTopic());
        Files.writeString(resources.resolve("jetstream-pubsub.yaml"),
                COMPONENT.formatted(NatsServer.URL, "durable-" + subscriberId()));
    }

    @Override
    void cleanUp(String topic, String deadLetterTopic) throws IOException {
        NatsServer.deleteStream(streamName());
        NatsServer.deleteStream(streamName() + "_DEAD");
    }

    private String streamName() {
        return topic().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }
}

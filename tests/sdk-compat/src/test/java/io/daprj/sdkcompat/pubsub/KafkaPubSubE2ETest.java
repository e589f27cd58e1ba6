package io.daprj.sdkcompat.pubsub;

import io.daprj.sdkcompat.harness.KafkaBroker;
import io.daprj.sdkcompat.harness.TcpPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kill test on {@code pubsub.kafka} against the test broker ({@code scripts/kafka-broker}): offsets are committed
 * only after the app's verdict, so the restarted sidecar's consumer group resumes at the first message not yet
 * settled and gets everything published while it was down.
 */
@ExtendWith(KafkaBroker.class)
class KafkaPubSubE2ETest extends AbstractPubSubE2ETest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: kafka-pubsub
            spec:
              type: pubsub.kafka
              version: v1
              metadata:
              - {name: brokers, value: "%s"}
              - {name: authType, value: "none"}
              - {name: initialOffset, value: "oldest"}
              - {name: consumeRetryInterval, value: "200ms"}
            """;

    @Override
    String pubsubName() {
        return "kafka-pubsub";
    }

    @Override
    String componentType() {
        return "pubsub.kafka";
    }

    @Override
    Optional<String> brokerUnavailable() {
        return TcpPorts.unreachable("127.0.0.1", 9092);
    }

    @Override
    void writeComponents(Path resources) throws IOException {
        Files.writeString(resources.resolve("kafka-pubsub.yaml"), COMPONENT.formatted(KafkaBroker.BROKERS));
    }
}

package io.daprj.sdkcompat.pubsub;

import io.daprj.sdkcompat.harness.TcpPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The kill test on {@code pubsub.mqtt3} against this machine's Mosquitto: QoS 1 with a kept session
 * ({@code cleanSession: false}, the client id being the subscriber's app id), so the broker sends again what the
 * killed sidecar never acknowledged and queues what was published while it was away.
 */
class Mqtt3PubSubE2ETest extends AbstractPubSubE2ETest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: mqtt-pubsub
            spec:
              type: pubsub.mqtt3
              version: v1
              metadata:
              - {name: url, value: "tcp://127.0.0.1:1883"}
              - {name: qos, value: "1"}
              - {name: cleanSession, value: "false"}
              - {name: backOffDuration, value: "200ms"}
            """;

    @Override
    String pubsubName() {
        return "mqtt-pubsub";
    }

    @Override
    String componentType() {
        return "pubsub.mqtt3";
    }

    @Override
    Optional<String> brokerUnavailable() {
        return TcpPorts.unreachable("127.0.0.1", 1883);
    }

    @Override
    void writeComponents(Path resources) throws IOException {
        Files.writeString(resources.resolve("mqtt-pubsub.yaml"), COMPONENT);
    }
}

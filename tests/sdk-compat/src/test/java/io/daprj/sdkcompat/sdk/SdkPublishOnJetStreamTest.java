package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.NatsServer;
import java.io.IOException;

/**
 * {@code publishEvent} on {@code pubsub.jetstream} against the NATS server of this machine: a stream of this class's
 * own holds the topic (created first, as Dapr expects) and is deleted afterwards, with its consumer.
 */
@RequiresComponentModule(module = "nats", componentType = "pubsub.jetstream")
class SdkPublishOnJetStreamTest extends AbstractSdkPublishTest {

    private String stream() {
        return "daprj-" + topic;
    }

    @Override
    void prepareBroker() throws IOException {
        NatsServer.createStream(stream(), topic);
    }

    @Override
    void cleanUpBroker() throws IOException {
        NatsServer.deleteStream(stream());
    }

    @Override
    String componentType() {
        return "pubsub.jetstream";
    }

    @Override
    String metadataYaml() {
        return """
                - {name: natsURL, value: "%s"}
                - {name: durableName, value: "%s"}
                """.formatted(NatsServer.URL, "orders-" + topic);
    }
}

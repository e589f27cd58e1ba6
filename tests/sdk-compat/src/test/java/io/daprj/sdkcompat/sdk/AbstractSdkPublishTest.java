package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.SubscriptionMetadata;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import io.daprj.sdkcompat.harness.SubscriberApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's {@code publishEvent} through the packaged sidecar on one broker component (named {@code pubsub}) reaches
 * a subscriber app that subscribed through {@code GET /dapr/subscribe}; the app refuses the first delivery, so the
 * broker's redelivery is part of the path. A subclass gives the component YAML and prepares the broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
abstract class AbstractSdkPublishTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    static final String PUBSUB = "pubsub";

    final String topic = "sdk-orders-" + UUID.randomUUID().toString().substring(0, 8);
    private SubscriberApp app;
    private DaprdProcess daprd;
    private DaprClient client;

    /** The component type, e.g. {@code pubsub.mqtt3}. */
    abstract String componentType();

    /** The component's {@code spec.metadata} entries, one {@code - {name: …, value: …}} line each. */
    abstract String metadataYaml();

    /** Runs before the sidecar starts, e.g. to create the topic's stream. */
    void prepareBroker() throws IOException {}

    /** Runs after the sidecar stopped, to remove what the broker kept. */
    void cleanUpBroker() throws IOException {}

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        prepareBroker();
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("pubsub.yaml"), """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                spec:
                  type: %s
                  version: v1
                  metadata:
                """.formatted(PUBSUB, componentType()) + metadataYaml().indent(2));
        app = SubscriberApp.start(1, new SubscriberApp.Topic(PUBSUB, topic, "/orders"));
        daprd = DaprdProcess.builder("sdk-publish-" + topic).daprjHome(workDir.resolve("home")).appPort(app.port())
                .resourcesPath(resources).start();
        client = daprd.newClient();
        // the sidecar subscribes once the app listens; an MQTT broker keeps nothing for a topic nobody subscribed
        await().atMost(DELIVERY).until(() -> client.getMetadata().block(CALL).getSubscriptions().stream()
                .map(SubscriptionMetadata::getTopic).anyMatch(topic::equals));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
            if (daprd != null) {
                daprd.close();
            }
            if (app != null) {
                app.close();
            }
        } finally {
            cleanUpBroker();
        }
    }

    @Test
    void publishedEventsReachTheSubscriberAppAsCloudEventsAfterARefusedFirstDelivery() {
        for (int n = 1; n <= 3; n++) {
            client.publishEvent(PUBSUB, topic, Map.of("orderId", n)).block(CALL);
        }
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(app.accepted("/orders"))
                .extracting(ce -> ce.path("data").path("orderId").asInt()).containsExactlyInAnyOrder(1, 2, 3));
        assertThat(app.deliveries("/orders")).as("the refused delivery came again").isGreaterThanOrEqualTo(4);
        JsonNode event = app.accepted("/orders").getFirst();
        assertThat(event.path("topic").asText()).isEqualTo(topic);
        assertThat(event.path("pubsubname").asText()).isEqualTo(PUBSUB);
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("source").asText()).isEqualTo(daprd.appId());
    }
}

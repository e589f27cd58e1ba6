package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.sdkcompat.harness.EchoedRequest;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import io.daprj.sdkcompat.harness.SidecarWithApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's {@code publishEvent} through the packaged sidecar with {@code pubsub.rabbitmq} (test resource
 * {@code rabbitmq/pubsub.yaml}) reaches the app that subscribed through {@code GET /dapr/subscribe}, as a CloudEvent;
 * an event the app answered 500 to is delivered again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
@RequiresComponentModule(module = "rabbitmq", componentType = "pubsub.rabbitmq")
class SdkPublishOnRabbitMqTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic = "sdk-orders-" + UUID.randomUUID().toString().substring(0, 8);
    private SidecarWithApp sidecar;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        String consumer = "sdk-" + UUID.randomUUID().toString().substring(0, 8);
        String subscriptions = "[{\"pubsubname\":\"rabbitpubsub\",\"topic\":\"" + topic + "\",\"route\":\"/orders\"}]";
        sidecar = SidecarWithApp.start("sdk-rabbitmq-pubsub", workDir, "/rabbitmq/pubsub.yaml",
                Map.of("CONSUMER_ID", consumer), subscriptions, call -> call == 1 ? 500 : 200); // the first fails
    }

    @AfterAll
    void stop() throws Exception {
        if (sidecar != null) {
            sidecar.close();
        }
    }

    @Test
    void aPublishedEventReachesTheSubscriberAndAFailedDeliveryComesAgain() throws Exception {
        // the sidecar subscribes once the app listens; a message published before then has no queue to land in
        await().atMost(CALL).until(this::subscribed);
        sidecar.client().publishEvent("rabbitpubsub", topic, Map.of("orderId", 42)).block(CALL);

        await().atMost(CALL).until(() -> sidecar.app().received().size() >= 2);
        List<EchoedRequest> deliveries = sidecar.app().received();
        for (EchoedRequest delivery : deliveries.subList(0, 2)) {
            assertThat(delivery.path()).isEqualTo("/orders");
            JsonNode event = JSON.readTree(delivery.body());
            assertThat(event.path("topic").asText()).isEqualTo(topic);
            assertThat(event.path("pubsubname").asText()).isEqualTo("rabbitpubsub");
            assertThat(event.path("data").path("orderId").asInt()).isEqualTo(42);
        }
        assertThat(JSON.readTree(deliveries.get(1).body()).path("id"))
                .isEqualTo(JSON.readTree(deliveries.get(0).body()).path("id"));
    }

    private boolean subscribed() {
        return sidecar.client().getMetadata().block(CALL).getSubscriptions().stream()
                .anyMatch(s -> s.getTopic().equals(topic));
    }
}

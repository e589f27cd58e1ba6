package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * {@code bindings.rabbitmq} (test resource {@code rabbitmq/binding.yaml}) through the packaged sidecar and this
 * machine's RabbitMQ: the SDK's {@code invokeBinding} publishes through the output binding, the same queue's input
 * binding delivers the event to the app, and an event the app refused is delivered again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
@RequiresComponentModule(module = "rabbitmq", componentType = "bindings.rabbitmq")
class SdkRabbitMqBindingTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SidecarWithApp sidecar;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        String queue = "sdk-binding-" + UUID.randomUUID().toString().substring(0, 8);
        sidecar = SidecarWithApp.start("sdk-rabbitmq-binding", workDir, "/rabbitmq/binding.yaml",
                Map.of("QUEUE_NAME", queue), null, call -> call == 1 ? 500 : 200); // the first event is refused
    }

    @AfterAll
    void stop() throws Exception {
        if (sidecar != null) {
            sidecar.close();
        }
    }

    @Test
    void invokeBindingReachesTheAppThroughTheQueueAndARefusedEventComesAgain() throws Exception {
        sidecar.client().invokeBinding("orders", "create", Map.of("orderId", 7), Map.of("customer", "c-1"),
                Void.class).block(CALL);

        await().atMost(CALL).until(() -> sidecar.app().received().size() >= 2);
        List<EchoedRequest> deliveries = sidecar.app().received();
        for (EchoedRequest delivery : deliveries.subList(0, 2)) {
            assertThat(delivery.method()).isEqualTo("POST");
            assertThat(delivery.path()).isEqualTo("/orders");
            assertThat(JSON.readTree(delivery.body())).isEqualTo(JSON.readTree("{\"orderId\":7}"));
            assertThat(delivery.header("customer")).isEqualTo("c-1");
        }
    }
}

package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dapr.client.DaprClient;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.KafkaBroker;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's {@code publishEvent} and {@code invokeBinding} through the packaged sidecar with {@code pubsub.kafka} and
 * {@code bindings.kafka} on the test broker: a published event reaches the app's programmatic subscription (and
 * comes again after the app answered RETRY), and a binding {@code create} travels through Kafka back to the app by
 * the same component's input side. Topics and consumer groups are unique per run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({KafkaBroker.class, SidecarLogsOnFailure.class})
@RequiresComponentModule(module = "kafka", componentType = "pubsub.kafka")
class SdkKafkaTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PUBSUB = """
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
              - {name: consumerGroup, value: "%s"}
              - {name: initialOffset, value: "oldest"}
              - {name: consumeRetryInterval, value: "100ms"}
            """;
    private static final String BINDING = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: kafka-binding
            spec:
              type: bindings.kafka
              version: v1
              metadata:
              - {name: brokers, value: "%s"}
              - {name: authType, value: "none"}
              - {name: topics, value: "%s"}
              - {name: publishTopic, value: "%s"}
              - {name: consumerGroup, value: "%s"}
              - {name: initialOffset, value: "oldest"}
              - {name: direction, value: "input, output"}
            """;

    /** An SDK user's own type, sent as JSON. */
    record Order(String id, int quantity) {}

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String ordersTopic = "sdk-orders-" + run;
    private final String bindingTopic = "sdk-binding-" + run;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger eventCalls = new AtomicInteger();
    private final List<String> bindingEvents = new CopyOnWriteArrayList<>();
    private HttpServer app;
    private DaprdProcess daprd;
    private DaprClient client;

    @BeforeAll
    void start(@TempDir Path workDir) throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        app.createContext("/dapr/subscribe", exchange -> respond(exchange, 200, JSON.writeValueAsString(List.of(
                Map.of("pubsubname", "kafka-pubsub", "topic", ordersTopic, "route", "/orders")))));
        app.createContext("/orders", this::onEvent);
        app.createContext("/kafka-binding", this::onBindingEvent);
        app.start();
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("kafka-pubsub.yaml"),
                PUBSUB.formatted(KafkaBroker.BROKERS, "sdk-compat-" + run));
        Files.writeString(resources.resolve("kafka-binding.yaml"),
                BINDING.formatted(KafkaBroker.BROKERS, bindingTopic, bindingTopic, "sdk-compat-binding-" + run));
        daprd = DaprdProcess.builder("sdk-kafka").daprjHome(workDir.resolve("home")).resourcesPath(resources)
                .appPort(app.getAddress().getPort()).start();
        client = daprd.newClient();
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (daprd != null) {
            daprd.close();
        }
        if (app != null) {
            app.stop(0);
        }
    }

    @Test
    void aPublishedEventReachesTheSubscriberAndComesAgainAfterRetry() {
        client.publishEvent("kafka-pubsub", ordersTopic, new Order("o-1", 3)).block(CALL);
        await().atMost(ARRIVAL).until(() -> events.size() == 2);
        assertThat(eventCalls.get()).isEqualTo(2);
        JsonNode event = events.getLast();
        assertThat(event.path("data").path("id").asText()).isEqualTo("o-1");
        assertThat(event.path("data").path("quantity").asInt()).isEqualTo(3);
        assertThat(event.path("topic").asText()).isEqualTo(ordersTopic);
        assertThat(event.path("pubsubname").asText()).isEqualTo("kafka-pubsub");
        assertThat(events.getFirst().path("id").asText()).isEqualTo(event.path("id").asText());
    }

    @Test
    void aBindingCreateTravelsThroughKafkaBackToTheApp() {
        client.invokeBinding("kafka-binding", "create", new Order("o-2", 5), Map.of("partitionKey", "o-2"), Void.class)
                .block(CALL);
        await().atMost(ARRIVAL).until(() -> !bindingEvents.isEmpty());
        assertThat(bindingEvents).singleElement().satisfies(body -> {
            JsonNode order = JSON.readTree(body);
            assertThat(order.path("id").asText()).isEqualTo("o-2");
            assertThat(order.path("quantity").asInt()).isEqualTo(5);
        });
    }

    /** The first delivery is answered RETRY, the next SUCCESS. */
    private void onEvent(HttpExchange exchange) throws IOException {
        JsonNode event = JSON.readTree(exchange.getRequestBody().readAllBytes());
        events.add(event);
        String status = eventCalls.incrementAndGet() == 1 ? "RETRY" : "SUCCESS";
        respond(exchange, 200, "{\"status\":\"" + status + "\"}");
    }

    /** POST is an event (the YAML names the direction, so the sidecar does not ask with OPTIONS first). */
    private void onBindingEvent(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            bindingEvents.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        respond(exchange, 200, "");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }
}

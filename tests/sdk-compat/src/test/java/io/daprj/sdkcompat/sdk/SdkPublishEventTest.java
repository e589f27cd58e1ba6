package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.BulkPublishResponse;
import io.dapr.client.domain.PublishEventRequest;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DaprClient.publishEvent} (gRPC PublishEvent) and {@code publishEvents} (BulkPublishEvent) on the embedded
 * default {@code pubsub}, into an HTTP app that subscribes through {@code GET /dapr/subscribe}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkPublishEventTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIPTIONS = """
            [{"pubsubname":"pubsub","topic":"orders","route":"/orders"},
             {"pubsubname":"pubsub","topic":"raw","route":"/raw","metadata":{"rawPayload":"true"}}]
            """;

    /** The CloudEvents the app received, by path. */
    private final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
    private HttpServer app;
    private DaprdProcess daprd;
    private DaprClient client;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        app.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestBody().readAllBytes();
                String answer = "{\"status\":\"SUCCESS\"}";
                if (path.equals("/dapr/subscribe")) {
                    answer = SUBSCRIPTIONS;
                } else {
                    received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(JSON.readTree(body));
                }
                byte[] out = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, out.length);
                exchange.getResponseBody().write(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        app.start();
        daprd = DaprdProcess.builder("sdk-publisher").daprjHome(workDir.resolve("home"))
                .appPort(app.getAddress().getPort()).start();
        client = daprd.newClient();
        await().atMost(WAIT).until(() -> client.getMetadata().block(CALL).getSubscriptions().size() == 2);
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

    private JsonNode awaitEvent(String path, java.util.function.Predicate<JsonNode> which) {
        await().atMost(WAIT).until(() -> received.getOrDefault(path, List.of()).stream().anyMatch(which));
        return received.get(path).stream().filter(which).findFirst().orElseThrow();
    }

    @Test
    void publishEventReachesTheSubscriberAsDaprsCloudEvent() {
        client.publishEvent("pubsub", "orders", Map.of("orderId", 17)).block(CALL);
        JsonNode ce = awaitEvent("/orders", e -> e.path("data").path("orderId").asInt() == 17);
        assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
        assertThat(ce.path("type").asText()).isEqualTo("com.dapr.event.sent");
        assertThat(ce.path("source").asText()).isEqualTo("sdk-publisher");
        assertThat(ce.path("topic").asText()).isEqualTo("orders");
        assertThat(ce.path("pubsubname").asText()).isEqualTo("pubsub");
        assertThat(ce.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(ce.path("id").asText()).isNotEmpty();
    }

    @Test
    void metadataOverridesTheCloudEventAndTtlAddsAnExpiration() {
        client.publishEvent(new PublishEventRequest("pubsub", "orders", Map.of("orderId", 18)).setMetadata(Map.of(
                "cloudevent.id", "sdk-id-18", "cloudevent.type", "sdk.order.created", "cloudevent.source", "sdk-test",
                "ttlInSeconds", "600"))).block(CALL);
        JsonNode ce = awaitEvent("/orders", e -> e.path("id").asText().equals("sdk-id-18"));
        assertThat(ce.path("type").asText()).isEqualTo("sdk.order.created");
        assertThat(ce.path("source").asText()).isEqualTo("sdk-test");
        assertThat(ce.path("data").path("orderId").asInt()).isEqualTo(18);
        assertThat(OffsetDateTime.parse(ce.path("expiration").asText())).isAfter(OffsetDateTime.now().plusMinutes(5));
    }

    @Test
    void rawPayloadTravelsWithoutAnEnvelope() throws Exception {
        client.publishEvent("pubsub", "raw", Map.of("plain", true), Map.of("rawPayload", "true")).block(CALL);
        JsonNode ce = awaitEvent("/raw", e -> e.has("data_base64"));
        assertThat(ce.path("datacontenttype").asText()).isEqualTo("application/octet-stream");
        JsonNode payload = JSON.readTree(Base64.getDecoder().decode(ce.path("data_base64").asText()));
        assertThat(payload.path("plain").asBoolean()).isTrue();
        assertThat(payload.has("specversion")).as("no CloudEvent around a raw payload").isFalse();
    }

    @Test
    void publishEventsDeliversEveryEntryOfTheBulk() {
        BulkPublishResponse<Map<String, Integer>> response = client.publishEvents("pubsub", "orders", "application/json",
                List.of(Map.of("bulk", 1), Map.of("bulk", 2), Map.of("bulk", 3))).block(CALL);
        assertThat(response.getFailedEntries()).isEmpty();
        for (int n = 1; n <= 3; n++) {
            int expected = n;
            JsonNode ce = awaitEvent("/orders", e -> e.path("data").path("bulk").asInt() == expected);
            assertThat(ce.path("datacontenttype").asText()).isEqualTo("application/json");
        }
    }
}

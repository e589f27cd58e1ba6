package io.daprj.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * daprd's component metrics beyond state: pub/sub egress and ingress (by the app's verdict), secret store calls,
 * output bindings, and the sidecar's calls to its HTTP app, each labelled as daprd labels them.
 */
class ComponentMetricsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void publishDeliverySecretsAndBindingsAreCounted() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/dapr/subscribe", exchange -> {
            byte[] body = "[{\"pubsubname\":\"pubsub\",\"topic\":\"orders\",\"route\":\"/events\"}]".getBytes();
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.createContext("/events", exchange -> {
            delivered.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        TestSidecars.write(dir, "secrets.json", "{\"apiKey\": \"k-1\"}");
        Path resources = TestSidecars.write(dir.resolve("resources"), "all.yaml", """
                kind: Component
                metadata: {name: pubsub}
                spec: {type: pubsub.in-memory, version: v1}
                ---
                kind: Component
                metadata: {name: localsecrets}
                spec:
                  type: secretstores.local.file
                  version: v1
                  metadata:
                  - {name: secretsFile, value: "%s"}
                ---
                kind: Component
                metadata: {name: files}
                spec:
                  type: bindings.localstorage
                  version: v1
                  metadata:
                  - {name: rootPath, value: "%s"}
                """.formatted(dir.resolve("secrets.json"), dir.resolve("files")));
        try (Sidecar sidecar = Sidecar.start(TestSidecars.options("counted", resources, null,
                "--app-port", Integer.toString(app.getAddress().getPort())))) {
            String base = "http://127.0.0.1:" + sidecar.httpPort() + "/v1.0";
            await().atMost(Duration.ofSeconds(20)).until(() -> send(HttpRequest.newBuilder(URI.create(base + "/metadata")))
                    .body().contains("\"orders\""));
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/publish/pubsub/orders"))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")))
                    .statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.get() == 1);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/secrets/localsecrets/apiKey"))).statusCode())
                    .isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/bindings/files")).POST(
                    HttpRequest.BodyPublishers.ofString("{\"operation\":\"create\",\"data\":\"x\",\"metadata\":{\"fileName\":\"a.txt\"}}")))
                    .statusCode()).isIn(200, 204);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                Scrape scrape = Scrape.of(sidecar.metricsPort());
                assertThat(scrape.value("dapr_component_pubsub_egress_count", "app_id", "counted", "component", "pubsub",
                        "namespace", "", "success", "true", "topic", "orders")).isEqualTo(1.0);
                assertThat(scrape.value("dapr_component_pubsub_ingress_count", "app_id", "counted", "component", "pubsub",
                        "namespace", "", "process_status", "success", "topic", "orders")).isEqualTo(1.0);
                assertThat(scrape.value("dapr_component_secret_count", "app_id", "counted", "component", "localsecrets",
                        "namespace", "", "operation", "get", "success", "true")).isEqualTo(1.0);
                assertThat(scrape.value("dapr_http_client_completed_count", "app_id", "counted", "method", "POST",
                        "path", "", "status", "200")).as("the delivery to the app").isEqualTo(1.0);
                assertThat(scrape.value("dapr_http_client_completed_count", "app_id", "counted", "method", "GET",
                        "path", "", "status", "200")).as("GET /dapr/subscribe").isEqualTo(1.0);
                assertThat(scrape.value("dapr_component_output_binding_count", "app_id", "counted", "component", "files",
                        "namespace", "", "operation", "create", "success", "true")).isEqualTo(1.0);
            });
        } finally {
            app.stop(0);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

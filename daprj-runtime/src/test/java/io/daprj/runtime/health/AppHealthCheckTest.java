package io.daprj.runtime.health;

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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --enable-app-health-check: calls to an app that fails its probes are refused and pub/sub deliveries wait, and both
 * resume when it recovers.
 */
class AppHealthCheckTest {

    @TempDir
    Path dir;

    @Test
    void invocationStopsWhileTheAppIsUnhealthyAndResumesAfter() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(true);
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/", exchange -> {
            boolean probe = exchange.getRequestURI().getPath().equals("/healthz");
            int status = probe && !healthy.get() ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        app.start();
        try (Sidecar sidecar = Sidecar.start(TestSidecars.options("probed", TestSidecars.inMemoryResources(dir), null,
                "--app-port", Integer.toString(app.getAddress().getPort()), "--enable-app-health-check",
                "--app-health-probe-interval", "1", "--app-health-threshold", "1"))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest call = HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + sidecar.httpPort() + "/v1.0/invoke/probed/method/work")).build();
            await().atMost(Duration.ofSeconds(10)).until(() -> http.send(call, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            healthy.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> http.send(call, HttpResponse.BodyHandlers.ofString()).statusCode() == 500);
            assertThat(http.send(call, HttpResponse.BodyHandlers.ofString()).body())
                    .contains("ERR_DIRECT_INVOKE").contains("not in a healthy state");
            healthy.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> http.send(call, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        } finally {
            app.stop(0);
        }
    }

    @Test
    void pubsubDeliveriesWaitWhileTheAppIsUnhealthyAndResumeAfter() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(true);
        java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("/dapr/subscribe")) {
                byte[] subs = "[{\"pubsubname\":\"pubsub\",\"topic\":\"t\",\"route\":\"/events\"}]".getBytes();
                exchange.getResponseHeaders().add("content-type", "application/json");
                exchange.sendResponseHeaders(200, subs.length);
                exchange.getResponseBody().write(subs);
            } else if (path.equals("/events")) {
                received.add(new String(body));
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(path.equals("/healthz") && !healthy.get() ? 500 : 200, -1);
            }
            exchange.close();
        });
        app.start();
        Path resources = TestSidecars.write(dir.resolve("resources"), "pubsub.yaml", """
                kind: Component
                metadata: {name: pubsub}
                spec: {type: pubsub.in-memory, version: v1}
                """);
        try (Sidecar sidecar = Sidecar.start(TestSidecars.options("probedsub", resources, null,
                "--app-port", Integer.toString(app.getAddress().getPort()), "--enable-app-health-check",
                "--app-health-probe-interval", "1", "--app-health-threshold", "1"))) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + sidecar.httpPort() + "/v1.0";
            HttpRequest invoke = HttpRequest.newBuilder(URI.create(base + "/invoke/probedsub/method/work")).build();
            await().atMost(Duration.ofSeconds(15)).until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/metadata"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"t\""));
            publish(http, base, "first");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            healthy.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> http.send(invoke, HttpResponse.BodyHandlers.ofString()).statusCode() == 500);
            publish(http, base, "second");
            Thread.sleep(2_000);
            assertThat(received).as("nothing is delivered to an unhealthy app").hasSize(1);
            healthy.set(true);
            await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 2);
            assertThat(received.get(1)).contains("second");
        } finally {
            app.stop(0);
        }
    }

    private static void publish(HttpClient http, String base, String text) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/publish/pubsub/t"))
                .header("content-type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);
    }
}

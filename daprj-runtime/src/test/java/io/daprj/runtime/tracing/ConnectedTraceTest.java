package io.daprj.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.daprj.runtime.tracing.SpanCollector.ReceivedSpan;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trace across two sidecars and pub/sub: a caller → sidecar A (HTTP invoke) → sidecar B → app B, which publishes
 * with the context it received → pub/sub → sidecar B delivers to the subscriber route of app B. Every span reaches
 * the collector with the caller's trace id and the right parent; each app receives its sidecar's span as parent.
 */
class ConnectedTraceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @TempDir
    Path dir;

    private final Map<String, String> receivedTraceParent = new ConcurrentHashMap<>();

    private Path config(String tracing) {
        return TestSidecars.write(dir.resolve("config"), "config.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Configuration
                metadata:
                  name: traced
                spec:
                  tracing:
                %s
                  nameResolution:
                    component: sqlite
                    configuration:
                      connectionString: "%s"
                """.formatted(tracing.indent(4).stripTrailing(), dir.resolve("names.db"))).resolve("config.yaml");
    }

    private HttpServer appB(AtomicInteger sidecarBHttpPort) throws Exception {
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/dapr/subscribe", exchange -> {
            byte[] body = "[{\"pubsubname\":\"pubsub\",\"topic\":\"orders\",\"route\":\"/events\"}]".getBytes();
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.createContext("/work", exchange -> {
            String traceParent = exchange.getRequestHeaders().getFirst("traceparent");
            receivedTraceParent.put("work", traceParent);
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecarBHttpPort.get()
                                + "/v1.0/publish/pubsub/orders"))
                        .header("traceparent", traceParent).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":1}")).build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.createContext("/events", exchange -> {
            receivedTraceParent.put("events", exchange.getRequestHeaders().getFirst("traceparent"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        return app;
    }

    private Path resources() {
        Path resources = TestSidecars.inMemoryResources(dir);
        TestSidecars.write(resources, "pubsub.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: pubsub
                spec:
                  type: pubsub.in-memory
                  version: v1
                """);
        return resources;
    }

    @Test
    void oneConnectedTraceFromTheCallerToTheSubscriber() throws Exception {
        AtomicInteger portB = new AtomicInteger();
        HttpServer app = appB(portB);
        try (SpanCollector collector = new SpanCollector()) {
            Path config = config("""
                    samplingRate: "1"
                    zipkin:
                      endpointAddress: "http://127.0.0.1:%d/api/v2/spans"
                    """.formatted(collector.port()));
            try (Sidecar b = Sidecar.start(TestSidecars.options("callee", resources(), config,
                            "--app-port", Integer.toString(app.getAddress().getPort())));
                    Sidecar a = Sidecar.start(TestSidecars.options("caller", resources(), config))) {
                portB.set(b.httpPort());
                await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + b.httpPort() + "/v1.0/metadata")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"orders\""));
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + a.httpPort() + "/v1.0/invoke/callee/method/work"))
                        .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                // each sidecar exports in its own batches: wait for every span of the trace
                await().atMost(Duration.ofSeconds(20)).until(() -> receivedTraceParent.containsKey("events")
                        && List.of("/v1.0/invoke/{appId}/method/{method*}", "/dapr.proto.internals.v1.ServiceInvocation/CallLocal",
                                "CallLocal/callee/work", "/v1.0/publish/{pubsubname}/{topic*}", "pubsub/orders").stream()
                                .allMatch(name -> !spansNamed(collector, name).isEmpty()));

                ReceivedSpan apiA = one(collector, "/v1.0/invoke/{appId}/method/{method*}");
                ReceivedSpan clientA = one(collector, "/dapr.proto.internals.v1.ServiceInvocation/CallLocal");
                ReceivedSpan serverB = one(collector, "CallLocal/callee/work");
                ReceivedSpan publishB = one(collector, "/v1.0/publish/{pubsubname}/{topic*}");
                ReceivedSpan deliveryB = one(collector, "pubsub/orders");
                assertThat(List.of(apiA, clientA, serverB, publishB, deliveryB))
                        .allSatisfy(s -> assertThat(s.traceId()).isEqualTo(TRACE_ID));
                assertThat(apiA.parentId()).isEqualTo(CALLER_SPAN);
                assertThat(apiA.service()).isEqualTo("caller");
                assertThat(apiA.kind()).isEqualTo("SERVER");
                assertThat(clientA.parentId()).isEqualTo(apiA.id());
                assertThat(clientA.kind()).isEqualTo("CLIENT");
                assertThat(serverB.parentId()).isEqualTo(clientA.id());
                assertThat(serverB.service()).isEqualTo("callee");
                assertThat(receivedTraceParent.get("work")).isEqualTo("00-" + TRACE_ID + "-" + serverB.id() + "-01");
                assertThat(publishB.parentId()).isEqualTo(serverB.id());
                assertThat(deliveryB.parentId()).isEqualTo(publishB.id());
                assertThat(deliveryB.kind()).isEqualTo("CONSUMER");
                assertThat(receivedTraceParent.get("events")).isEqualTo("00-" + TRACE_ID + "-" + deliveryB.id() + "-01");
            }
        } finally {
            app.stop(0);
        }
    }

    @Test
    void withSamplingOffNothingIsExportedAndTheCallersContextPassesUnchanged() throws Exception {
        AtomicInteger portB = new AtomicInteger();
        HttpServer app = appB(portB);
        try (SpanCollector collector = new SpanCollector()) {
            Path config = config("""
                    samplingRate: "0"
                    zipkin:
                      endpointAddress: "http://127.0.0.1:%d/api/v2/spans"
                    """.formatted(collector.port()));
            try (Sidecar b = Sidecar.start(TestSidecars.options("callee", resources(), config,
                            "--app-port", Integer.toString(app.getAddress().getPort())));
                    Sidecar a = Sidecar.start(TestSidecars.options("caller", resources(), config))) {
                portB.set(b.httpPort());
                String caller = "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01";
                HTTP.send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + a.httpPort() + "/v1.0/invoke/callee/method/work"))
                        .header("traceparent", caller).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(receivedTraceParent.get("work")).isEqualTo(caller);
                Thread.sleep(1_500); // more than the export interval
                assertThat(collector.spans()).isEmpty();
            }
        } finally {
            app.stop(0);
        }
    }

    private static List<ReceivedSpan> spansNamed(SpanCollector collector, String name) {
        return collector.spans().stream().filter(s -> s.name().equals(name)).toList();
    }

    private static ReceivedSpan one(SpanCollector collector, String name) {
        List<ReceivedSpan> named = spansNamed(collector, name);
        assertThat(named).as("spans named " + name + " among " + collector.spans()).hasSize(1);
        return named.getFirst();
    }
}

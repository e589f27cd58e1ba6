package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code bindings.cron} input binding ({@code @every 1s}) read by the packaged sidecar into an HTTP app: daprd's
 * discovery ({@code OPTIONS /<route>}, where a 404 means "not subscribed") and then a {@code POST /<route>} per tick.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkCronInputBindingTest {

    private static final String COMPONENTS = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: ticker}
            spec:
              type: bindings.cron
              version: v1
              metadata: [{name: schedule, value: "@every 1s"}]
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: ignored}
            spec:
              type: bindings.cron
              version: v1
              metadata: [{name: schedule, value: "@every 1s"}]
            """;

    /** One request the app received. */
    record Received(String method, String path, String contentType, int bodyLength) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer app;
    private DaprdProcess daprd;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        app.createContext("/", this::handle);
        app.start();
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("cron.yaml"), COMPONENTS);
        daprd = DaprdProcess.builder("sdk-cron").daprjHome(workDir.resolve("home")).resourcesPath(resources)
                .appPort(app.getAddress().getPort()).start();
    }

    @AfterAll
    void stop() {
        if (daprd != null) {
            daprd.close();
        }
        if (app != null) {
            app.stop(0);
        }
    }

    /** The app takes {@code /ticker} (OPTIONS and POST) and knows nothing else (404). */
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int length = exchange.getRequestBody().readAllBytes().length;
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path,
                    exchange.getRequestHeaders().getFirst("Content-Type"), length));
            exchange.sendResponseHeaders(path.equals("/ticker") ? 200 : 404, -1);
        }
    }

    private List<Received> at(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    @Test
    void theSidecarAsksOnceThenDeliversEveryTickToTheRoute() {
        await().atMost(Duration.ofSeconds(15)).until(() -> at("POST", "/ticker").size() >= 3);
        assertThat(at("OPTIONS", "/ticker")).hasSize(1);
        Received tick = at("POST", "/ticker").getFirst();
        assertThat(tick.contentType()).isEqualTo("application/json");
        assertThat(tick.bodyLength()).isZero();
        assertThat(received.indexOf(at("OPTIONS", "/ticker").getFirst()))
                .as("discovery comes before the first delivery").isLessThan(received.indexOf(tick));
    }

    @Test
    void aBindingTheAppAnswers404ForIsNeverDelivered() {
        await().atMost(Duration.ofSeconds(15)).until(() -> at("POST", "/ticker").size() >= 2);
        assertThat(at("OPTIONS", "/ignored")).hasSize(1);
        assertThat(at("POST", "/ignored")).isEmpty();
    }
}

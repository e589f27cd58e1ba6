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

/** --enable-app-health-check: calls to an app that fails its probes are refused, and resume when it recovers. */
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
}

package io.daprj.runtime.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --app-max-concurrency} bounds pub/sub deliveries: the broker hands over eight messages at once, the app
 * (which takes a while per event) never sees more than two at a time, and does see two.
 */
class AppMaxConcurrencyDeliveryTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger inFlight = new AtomicInteger();
    private static final AtomicInteger mostAtOnce = new AtomicInteger();

    @TempDir
    static Path dir;

    static TestSubscriberApp app;
    static Sidecar sidecar;

    @BeforeAll
    static void start() throws Exception {
        app = new TestSubscriberApp("[{\"pubsubname\":\"pubsub\",\"topic\":\"work\",\"route\":\"/work\"}]", r -> {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return new TestSubscriberApp.Answer(200, "");
        });
        Path resources = TestSidecars.write(dir.resolve("resources"), "pubsub.yaml",
                SqliteBrokerYaml.of(dir.resolve("pubsub.db"), 8));
        sidecar = Sidecar.start(TestSidecars.options("limited", resources, null,
                "--app-port", Integer.toString(app.port()), "--app-max-concurrency", "2"));
        await().atMost(Duration.ofSeconds(15)).until(() -> metadata().contains("\"work\""));
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        app.close();
    }

    @Test
    void deliveriesNeverExceedTheAppsConcurrencyLimit() throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            body.append(i == 0 ? "" : ",").append("{\"entryId\":\"").append(i).append("\",\"event\":\"e").append(i)
                    .append("\",\"contentType\":\"text/plain\"}");
        }
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort()
                        + "/v1.0-alpha1/publish/bulk/pubsub/work"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.append("]").toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.at("/work").size() >= 8);
        assertThat(app.at("/work")).hasSize(8);
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    private static String metadata() throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort() + "/v1.0/metadata")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}

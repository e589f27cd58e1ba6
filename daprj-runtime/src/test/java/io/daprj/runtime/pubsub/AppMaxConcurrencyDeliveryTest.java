package io.daprj.runtime.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Empty;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.DaprAppCallbackProtos;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.stub.StreamObserver;
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
 * {@code --app-max-concurrency} bounds pub/sub deliveries to HTTP and gRPC apps: the broker hands over eight messages
 * at once, the app (which takes a while per event) never sees more than two at a time, and does see two.
 */
class AppMaxConcurrencyDeliveryTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger inFlight = new AtomicInteger();
    private static final AtomicInteger mostAtOnce = new AtomicInteger();

    @TempDir
    static Path dir;

    static TestSubscriberApp app;
    static Sidecar sidecar;
    static final GrpcApp grpcApp = new GrpcApp();
    static Server grpcServer;
    static Sidecar grpcSidecar;

    /** A gRPC app subscribed to topic work that takes a while per event and counts how many it has at once. */
    static final class GrpcApp extends AppCallbackGrpc.AppCallbackImplBase {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();

        @Override
        public void listTopicSubscriptions(Empty r, StreamObserver<DaprAppCallbackProtos.ListTopicSubscriptionsResponse> out) {
            out.onNext(DaprAppCallbackProtos.ListTopicSubscriptionsResponse.newBuilder()
                    .addSubscriptions(DaprAppCallbackProtos.TopicSubscription.newBuilder().setPubsubName("pubsub").setTopic("work"))
                    .build());
            out.onCompleted();
        }

        @Override
        public void onTopicEvent(DaprAppCallbackProtos.TopicEventRequest r, StreamObserver<DaprAppCallbackProtos.TopicEventResponse> out) {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            pause();
            inFlight.decrementAndGet();
            delivered.incrementAndGet();
            out.onNext(DaprAppCallbackProtos.TopicEventResponse.getDefaultInstance());
            out.onCompleted();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        app = new TestSubscriberApp("[{\"pubsubname\":\"pubsub\",\"topic\":\"work\",\"route\":\"/work\"}]", r -> {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            pause();
            inFlight.decrementAndGet();
            return new TestSubscriberApp.Answer(200, "");
        });
        Path resources = TestSidecars.write(dir.resolve("http"), "pubsub.yaml", SqliteBrokerYaml.of(dir.resolve("http.db"), 8));
        sidecar = Sidecar.start(TestSidecars.options("limited", resources, null,
                "--app-port", Integer.toString(app.port()), "--app-max-concurrency", "2"));
        await().atMost(Duration.ofSeconds(15)).until(() -> metadata(sidecar).contains("\"work\""));

        // blocking executor: the app itself must be able to serve several events at once
        grpcServer = Server.builder().http(0)
                .service(GrpcService.builder().addService(grpcApp).useBlockingTaskExecutor(true).build()).build();
        grpcServer.start().join();
        Path grpcResources = TestSidecars.write(dir.resolve("grpc"), "pubsub.yaml", SqliteBrokerYaml.of(dir.resolve("grpc.db"), 8));
        grpcSidecar = Sidecar.start(TestSidecars.options("limited-grpc", grpcResources, null, "--app-port",
                Integer.toString(grpcServer.activeLocalPort()), "--app-protocol", "grpc", "--app-max-concurrency", "2"));
        await().atMost(Duration.ofSeconds(15)).until(() -> metadata(grpcSidecar).contains("\"work\""));
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        app.close();
        grpcSidecar.close();
        grpcServer.stop().join();
    }

    @Test
    void deliveriesToAnHttpAppNeverExceedItsConcurrencyLimit() throws Exception {
        publishEight(sidecar);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.at("/work").size() >= 8);
        assertThat(app.at("/work")).hasSize(8);
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void deliveriesToAGrpcAppNeverExceedItsConcurrencyLimit() throws Exception {
        publishEight(grpcSidecar);
        await().atMost(Duration.ofSeconds(20)).until(() -> grpcApp.delivered.get() >= 8);
        assertThat(grpcApp.mostAtOnce.get()).isEqualTo(2);
    }

    private static void publishEight(Sidecar target) throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            body.append(i == 0 ? "" : ",").append("{\"entryId\":\"").append(i).append("\",\"event\":\"e").append(i)
                    .append("\",\"contentType\":\"text/plain\"}");
        }
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.httpPort()
                        + "/v1.0-alpha1/publish/bulk/pubsub/work"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.append("]").toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);
    }

    private static String metadata(Sidecar target) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.httpPort() + "/v1.0/metadata")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}

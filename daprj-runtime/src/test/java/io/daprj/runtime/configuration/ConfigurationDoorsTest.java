package io.daprj.runtime.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.sun.net.httpserver.HttpServer;
import io.dapr.v1.DaprConfigurationProtos.GetConfigurationRequest;
import io.dapr.v1.DaprConfigurationProtos.SubscribeConfigurationRequest;
import io.dapr.v1.DaprConfigurationProtos.SubscribeConfigurationResponse;
import io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationRequest;
import io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationResponse;
import io.dapr.v1.DaprGrpc;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.daprj.spi.configuration.ConfigurationItem;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration API through both doors of one sidecar, on a test-only in-memory store: daprd's JSON and proto
 * shapes, updates posted to an HTTP app or streamed over gRPC, unsubscribe, and daprd's errors.
 */
class ConfigurationDoorsTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;

    static HttpServer app;
    static final List<String[]> posted = new CopyOnWriteArrayList<>();
    static Sidecar sidecar;
    static DaprGrpc.DaprBlockingStub grpc;
    static DaprGrpc.DaprStub grpcAsync;
    static MemoryConfigurationStore store;

    @BeforeAll
    static void start() throws Exception {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/", exchange -> {
            posted.add(new String[] {exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        Path resources = TestSidecars.write(dir.resolve("resources"), "config.yaml", """
                kind: Component
                metadata: {name: configstore}
                spec: {type: configuration.test-memory, version: v1}
                ---
                kind: Component
                metadata: {name: broken}
                spec:
                  type: configuration.test-memory
                  version: v1
                  metadata: [{name: fail, value: "true"}]
                """);
        sidecar = Sidecar.start(TestSidecars.options("configapp", resources, null,
                "--app-port", String.valueOf(app.getAddress().getPort())));
        grpc = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(), DaprGrpc.DaprBlockingStub.class);
        grpcAsync = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(), DaprGrpc.DaprStub.class);
        store = MemoryConfigurationStore.named("configstore");
        store.put("color", new ConfigurationItem("blue", "3", Map.of("owner", "ops")));
        store.put("size", ConfigurationItem.of("10", ""));
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        app.stop(0);
    }

    private static HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort() + path)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void httpGetAnswersItemsAsDaprdWritesThem() {
        for (String version : List.of("v1.0", "v1.0-alpha1")) {
            HttpResponse<String> both = get("/" + version + "/configuration/configstore?key=color&key=size");
            assertThat(both.statusCode()).isEqualTo(200);
            assertThat(both.headers().firstValue("content-type")).contains("application/json");
            assertThat(both.body()).contains("\"color\":{\"value\":\"blue\",\"version\":\"3\",\"metadata\":{\"owner\":\"ops\"}}")
                    .contains("\"size\":{\"value\":\"10\"}");
        }
        assertThat(get("/v1.0/configuration/configstore?key=size").body()).isEqualTo("{\"size\":{\"value\":\"10\"}}");
        assertThat(get("/v1.0/configuration/configstore").body()).contains("\"color\"").contains("\"size\"");
        HttpResponse<String> missing = get("/v1.0/configuration/configstore?key=nothing");
        assertThat(missing.statusCode()).isEqualTo(204);
        assertThat(missing.body()).isEmpty();
    }

    @Test
    void httpErrorsAreDaprds() {
        assertError(get("/v1.0/configuration/nostore?key=a"), 400, "ERR_CONFIGURATION_STORE_NOT_FOUND",
                "configuration store nostore not found");
        assertError(get("/v1.0/configuration/broken?key=a&key=b"), 500, "ERR_CONFIGURATION_GET",
                "failed to get [a b] from Configuration store broken: backend unreachable");
        assertError(get("/v1.0-alpha1/configuration/broken/subscribe?key=a"), 500, "ERR_CONFIGURATION_SUBSCRIBE",
                "failed to subscribe [a] from Configuration store broken: backend unreachable");
        assertError(get("/v1.0/configuration/nostore/subscribe"), 400, "ERR_CONFIGURATION_STORE_NOT_FOUND", "");
    }

    @Test
    void httpSubscriptionPostsEachChangeToTheAppUntilUnsubscribed() throws Exception {
        HttpResponse<String> subscribed = get("/v1.0/configuration/configstore/subscribe?key=http-key");
        assertThat(subscribed.statusCode()).isEqualTo(200);
        String id = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(subscribed.body())
                .get("id").asText();
        assertThat(subscribed.body()).isEqualTo("{\"id\":\"" + id + "\"}");

        store.put("http-key", ConfigurationItem.of("one", "1"));
        store.put("other-key", ConfigurationItem.of("ignored", "1"));
        store.put("http-key", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> postsTo("http-key").size() == 2);
        assertThat(postsTo("http-key")).containsExactly(
                "{\"id\":\"" + id + "\",\"items\":{\"http-key\":{\"value\":\"one\",\"version\":\"1\"}}}",
                "{\"id\":\"" + id + "\",\"items\":{\"http-key\":{}}}");
        assertThat(postsTo("other-key")).isEmpty();

        HttpResponse<String> ok = get("/v1.0/configuration/configstore/" + id + "/unsubscribe");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"ok\":true}");
        store.put("http-key", ConfigurationItem.of("two", "2"));
        Thread.sleep(300);
        assertThat(postsTo("http-key")).hasSize(2);

        HttpResponse<String> again = get("/v1.0-alpha1/configuration/configstore/" + id + "/unsubscribe");
        assertThat(again.statusCode()).isEqualTo(500);
        assertThat(again.body()).startsWith("{\"ok\":false,\"message\":\"failed to unsubscribe to configuration request "
                + id + ": ");
    }

    @Test
    void metadataListsTheConfigurationStores() {
        assertThat(get("/v1.0/metadata").body())
                .contains("{\"name\":\"configstore\",\"type\":\"configuration.test-memory\",\"version\":\"v1\"");
    }

    @Test
    void grpcGetOnStableAndAlpha1() {
        GetConfigurationRequest request = GetConfigurationRequest.newBuilder().setStoreName("configstore")
                .addKeys("color").addKeys("nothing").build();
        for (var response : List.of(grpc.getConfiguration(request), grpc.getConfigurationAlpha1(request))) {
            assertThat(response.getItemsMap()).containsOnlyKeys("color");
            assertThat(response.getItemsMap().get("color").getValue()).isEqualTo("blue");
            assertThat(response.getItemsMap().get("color").getVersion()).isEqualTo("3");
            assertThat(response.getItemsMap().get("color").getMetadataMap()).containsEntry("owner", "ops");
        }
        assertGrpcError(() -> grpc.getConfiguration(request.toBuilder().setStoreName("nostore").build()),
                Status.Code.INVALID_ARGUMENT, "ERR_CONFIGURATION_STORE_NOT_FOUND");
        assertGrpcError(() -> grpc.getConfiguration(request.toBuilder().setStoreName("broken").build()),
                Status.Code.INTERNAL, "ERR_CONFIGURATION_GET");
    }

    @Test
    void grpcStreamStartsWithTheIdAndEndsOnUnsubscribe() {
        RecordingStream stream = subscribe("stream-key");
        await().atMost(Duration.ofSeconds(5)).until(() -> stream.messages.size() == 1);
        String id = stream.messages.getFirst().getId();
        assertThat(stream.messages.getFirst().getItemsMap()).isEmpty();

        store.put("stream-key", ConfigurationItem.of("v", "7"));
        await().atMost(Duration.ofSeconds(5)).until(() -> stream.messages.size() == 2);
        SubscribeConfigurationResponse update = stream.messages.get(1);
        assertThat(update.getId()).isEqualTo(id);
        assertThat(update.getItemsMap().get("stream-key").getValue()).isEqualTo("v");
        assertThat(update.getItemsMap().get("stream-key").getVersion()).isEqualTo("7");

        UnsubscribeConfigurationRequest unsubscribe = UnsubscribeConfigurationRequest.newBuilder()
                .setStoreName("configstore").setId(id).build();
        assertThat(grpc.unsubscribeConfiguration(unsubscribe).getOk()).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilTrue(stream.completed);
        UnsubscribeConfigurationResponse again = grpc.unsubscribeConfigurationAlpha1(unsubscribe);
        assertThat(again.getOk()).isFalse();
        assertThat(again.getMessage()).isEqualTo(
                "failed to unsubscribe to configuration request " + id + ": subscription does not exist");
    }

    @Test
    void grpcCancelledStreamEndsItsSubscription() {
        int before = store.subscriptionCount();
        RecordingStream stream = subscribe("cancel-key");
        await().atMost(Duration.ofSeconds(5)).until(() -> stream.messages.size() == 1);
        assertThat(store.subscriptionCount()).isEqualTo(before + 1);
        stream.call.cancel("done", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> store.subscriptionCount() == before);
    }

    @Test
    void grpcSubscribeToAnUnknownStoreFails() {
        RecordingStream stream = new RecordingStream();
        grpcAsync.subscribeConfiguration(SubscribeConfigurationRequest.newBuilder().setStoreName("nostore").build(), stream);
        await().atMost(Duration.ofSeconds(5)).until(() -> stream.error != null);
        assertThat(Status.fromThrowable(stream.error).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    private static RecordingStream subscribe(String key) {
        RecordingStream stream = new RecordingStream();
        grpcAsync.subscribeConfigurationAlpha1(SubscribeConfigurationRequest.newBuilder().setStoreName("configstore")
                .addKeys(key).build(), stream);
        return stream;
    }

    private static List<String> postsTo(String key) {
        return posted.stream().filter(p -> p[0].equals("POST /configuration/configstore/" + key)).map(p -> p[1]).toList();
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"errorCode\":\"" + code + "\"").contains(message);
    }

    private static void assertGrpcError(Runnable call, Status.Code code, String errorCode) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(StatusProto.fromThrowable(e).getDetailsList()).anySatisfy(d ->
                    assertThat(d.unpack(ErrorInfo.class).getMetadataMap()).containsEntry("errorCode", errorCode));
        });
    }

    /** The messages of one server stream, and its end. */
    private static final class RecordingStream
            implements ClientResponseObserver<SubscribeConfigurationRequest, SubscribeConfigurationResponse> {
        final List<SubscribeConfigurationResponse> messages = new CopyOnWriteArrayList<>();
        final AtomicBoolean completed = new AtomicBoolean();
        volatile Throwable error;
        volatile ClientCallStreamObserver<SubscribeConfigurationRequest> call;

        @Override
        public void beforeStart(ClientCallStreamObserver<SubscribeConfigurationRequest> requestStream) {
            call = requestStream;
        }

        @Override
        public void onNext(SubscribeConfigurationResponse value) {
            messages.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
            completed.set(true);
        }
    }
}

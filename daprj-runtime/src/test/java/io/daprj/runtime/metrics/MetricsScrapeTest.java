package io.daprj.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprInvokeProtos;
import io.dapr.v1.DaprStateProtos;
import io.daprj.runtime.EchoApp;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sidecars, {@code caller} (state store) and {@code target} (an HTTP app): state and invocation calls over HTTP
 * and gRPC on {@code caller}, then both {@code /metrics} pages are read for daprd's names, labels and counts.
 */
class MetricsScrapeTest {

    @TempDir
    static Path dir;

    static EchoApp app;
    static Sidecar caller;
    static Sidecar target;

    @BeforeAll
    static void start() throws Exception {
        app = new EchoApp();
        Path resources = TestSidecars.inMemoryResources(dir);
        Path config = TestSidecars.nameResolutionConfig(dir);
        target = Sidecar.start(TestSidecars.options("target", null, config, "--metrics-port", "0",
                "--app-port", Integer.toString(app.port())));
        caller = Sidecar.start(TestSidecars.options("caller", resources, config, "--metrics-port", "0"));

        assertThat(http("POST", "/v1.0/state/statestore", "[{\"key\":\"k1\",\"value\":\"v1\"}]")).isEqualTo(204);
        assertThat(http("GET", "/v1.0/state/statestore/k1", null)).isEqualTo(200);
        assertThat(http("GET", "/v1.0/state/nostore/k1", null)).isEqualTo(400);
        assertThat(http("POST", "/v1.0/invoke/target/method/echo", "hi")).isEqualTo(200);

        DaprGrpc.DaprBlockingStub dapr = GrpcClients.newClient("http://127.0.0.1:" + caller.grpcPort(),
                DaprGrpc.DaprBlockingStub.class);
        dapr.saveState(DaprStateProtos.SaveStateRequest.newBuilder().setStoreName("statestore")
                .addStates(CommonProtos.StateItem.newBuilder().setKey("k2").setValue(ByteString.copyFromUtf8("v2")))
                .build());
        dapr.getState(DaprStateProtos.GetStateRequest.newBuilder().setStoreName("statestore").setKey("k2").build());
        assertThatThrownBy(() -> dapr.getState(DaprStateProtos.GetStateRequest.newBuilder().setStoreName("nostore")
                .setKey("k2").build())).isInstanceOf(StatusRuntimeException.class);
        dapr.invokeService(DaprInvokeProtos.InvokeServiceRequest.newBuilder().setId("target")
                .setMessage(CommonProtos.InvokeRequest.newBuilder().setMethod("echo")
                        .setData(Any.newBuilder().setValue(ByteString.copyFromUtf8("hi")))
                        .setHttpExtension(CommonProtos.HTTPExtension.newBuilder()
                                .setVerb(CommonProtos.HTTPExtension.Verb.POST)))
                .build());
    }

    @AfterAll
    static void stop() {
        caller.close();
        target.close();
        app.close();
    }

    private static int http(String method, String path, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + caller.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    /** Samples are recorded when a request's log completes, just after its response went out. */
    private static void eventually(Sidecar sidecar, java.util.function.Consumer<Scrape> assertions) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertions.accept(Scrape.of(sidecar.metricsPort())));
    }

    @Test
    void httpServerRequestsAreCountedByMethodRoutePatternAndStatus() {
        eventually(caller, s -> {
            assertThat(s.value("dapr_http_server_request_count",
                    "app_id", "caller", "method", "POST", "path", "/v1.0/state/{storeName}", "status", "204")).isEqualTo(1);
            assertThat(s.value("dapr_http_server_request_count",
                    "app_id", "caller", "method", "GET", "path", "/v1.0/state/{storeName}/{key}", "status", "200")).isEqualTo(1);
            assertThat(s.value("dapr_http_server_request_count",
                    "app_id", "caller", "method", "GET", "path", "/v1.0/state/{storeName}/{key}", "status", "400")).isEqualTo(1);
            assertThat(s.value("dapr_http_server_request_count", "app_id", "caller", "method", "POST",
                    "path", "/v1.0/invoke/{appId}/method/{method*}", "status", "200")).isEqualTo(1);
            assertThat(s.value("dapr_http_server_latency_count",
                    "app_id", "caller", "method", "POST", "path", "/v1.0/state/{storeName}", "status", "204")).isEqualTo(1);
            assertThat(s.value("dapr_http_server_latency_bucket", "app_id", "caller", "method", "POST",
                    "path", "/v1.0/state/{storeName}", "status", "204", "le", "+Inf")).isEqualTo(1);
            assertThat(s.value("dapr_http_server_request_bytes_count", "app_id", "caller")).isEqualTo(4);
            assertThat(s.value("dapr_http_server_response_bytes_count", "app_id", "caller")).isEqualTo(4);
            // the legacy response count only exists with increasedCardinality
            assertThat(s.has("dapr_http_server_response_count")).isFalse();
        });
    }

    @Test
    void grpcRpcsAreCountedByFullMethodAndGoStatusName() {
        eventually(caller, s -> {
            String dapr = "/dapr.proto.runtime.v1.Dapr/";
            assertThat(s.value("dapr_grpc_io_server_completed_rpcs",
                    "app_id", "caller", "grpc_server_method", dapr + "SaveState", "grpc_server_status", "OK")).isEqualTo(1);
            assertThat(s.value("dapr_grpc_io_server_completed_rpcs",
                    "app_id", "caller", "grpc_server_method", dapr + "GetState", "grpc_server_status", "OK")).isEqualTo(1);
            assertThat(s.value("dapr_grpc_io_server_completed_rpcs", "app_id", "caller",
                    "grpc_server_method", dapr + "GetState", "grpc_server_status", "InvalidArgument")).isEqualTo(1);
            assertThat(s.value("dapr_grpc_io_server_completed_rpcs",
                    "app_id", "caller", "grpc_server_method", dapr + "InvokeService", "grpc_server_status", "OK")).isEqualTo(1);
            assertThat(s.value("dapr_grpc_io_server_server_latency_count",
                    "app_id", "caller", "grpc_server_method", dapr + "SaveState", "grpc_server_status", "OK")).isEqualTo(1);
            assertThat(s.value("dapr_grpc_io_server_received_bytes_per_rpc_count",
                    "app_id", "caller", "grpc_server_method", dapr + "GetState")).isEqualTo(2);
        });
    }

    @Test
    void stateStoreCallsAreCountedByOperationAndOutcome() {
        eventually(caller, s -> {
            assertThat(s.value("dapr_component_state_count", "app_id", "caller", "component", "statestore",
                    "namespace", "", "operation", "set", "success", "true")).isEqualTo(2);
            assertThat(s.value("dapr_component_state_count", "app_id", "caller", "component", "statestore",
                    "namespace", "", "operation", "get", "success", "true")).isEqualTo(2);
            assertThat(s.value("dapr_component_state_latencies_count", "app_id", "caller", "component", "statestore",
                    "namespace", "", "operation", "get", "success", "true")).isEqualTo(2);
            // a missing store never reaches a component
            assertThat(s.samples()).noneMatch(x -> "nostore".equals(x.labels().get("component")));
        });
    }

    @Test
    void invocationIsCountedOnBothSidecars() {
        eventually(caller, s -> {
            assertThat(s.value("dapr_runtime_service_invocation_req_sent_total",
                    "app_id", "caller", "dst_app_id", "target", "type", "unary")).isEqualTo(2);
            assertThat(s.value("dapr_runtime_service_invocation_res_recv_total",
                    "app_id", "caller", "src_app_id", "target", "status", "200", "type", "unary")).isEqualTo(2);
            assertThat(s.value("dapr_runtime_service_invocation_res_recv_latency_ms_count",
                    "app_id", "caller", "src_app_id", "target", "status", "200")).isEqualTo(2);
            assertThat(s.type("dapr_runtime_service_invocation_req_sent_total")).isEqualTo("counter");
        });
        eventually(target, s -> {
            assertThat(s.value("dapr_runtime_service_invocation_req_recv_total",
                    "app_id", "target", "src_app_id", "caller")).isEqualTo(2);
            assertThat(s.value("dapr_runtime_service_invocation_res_sent_total",
                    "app_id", "target", "dst_app_id", "caller", "status", "200")).isEqualTo(2);
            // the internal gRPC server is measured like the API one
            assertThat(s.value("dapr_grpc_io_server_completed_rpcs", "app_id", "target",
                    "grpc_server_method", "/dapr.proto.runtime.v1.Dapr/InvokeService", "grpc_server_status", "OK"))
                    .isEqualTo(2);
        });
    }

    @Test
    void loadedComponentsAndJvmMetricsAreExposed() {
        Scrape s = Scrape.of(caller.metricsPort());
        assertThat(s.value("dapr_runtime_component_loaded", "app_id", "caller")).isEqualTo(1);
        assertThat(s.value("dapr_runtime_component_init_total", "app_id", "caller", "component", "state.in-memory"))
                .isEqualTo(1);
        assertThat(s.has("dapr_runtime_component_init_fail_total")).isFalse();
        assertThat(s.has("jvm_memory_used_bytes")).isTrue();
        assertThat(s.has("jvm_threads_live_threads")).isTrue();
        assertThat(s.has("process_cpu_usage")).isTrue();
        assertThat(s.has("process_uptime_seconds")).isTrue();
    }
}

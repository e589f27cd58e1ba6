package io.daprj.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprStateProtos;
import io.daprj.runtime.DaprdOptions;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.daprj.runtime.tracing.SpanCollector.ReceivedSpan;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OTLP export over HTTP (from a Configuration) and over gRPC (from the OTEL_* variables), of HTTP and gRPC API spans. */
class OtlpExportTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @TempDir
    Path dir;

    @Test
    void otlpOverHttpFromTheConfiguration() throws Exception {
        try (SpanCollector collector = new SpanCollector()) {
            Path config = TestSidecars.write(dir.resolve("config"), "config.yaml", """
                    apiVersion: dapr.io/v1alpha1
                    kind: Configuration
                    metadata:
                      name: otlp
                    spec:
                      tracing:
                        samplingRate: "1"
                        otel:
                          endpointAddress: "127.0.0.1:%d"
                          protocol: http
                          isSecure: false
                    """.formatted(collector.port())).resolve("config.yaml");
            try (Sidecar sidecar = Sidecar.start(TestSidecars.options("otlphttp", TestSidecars.inMemoryResources(dir), config))) {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + sidecar.httpPort() + "/v1.0/state/statestore/k"))
                        .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01").build(),
                        HttpResponse.BodyHandlers.discarding());
                ReceivedSpan span = awaitSpan(collector, "/v1.0/state/{storeName}/{key}");
                assertThat(span.via()).isEqualTo("otlp-http");
                assertThat(span.service()).isEqualTo("otlphttp");
                assertThat(span.parentId()).isEqualTo("b7ad6b7169203331");
                assertThat(span.kind()).isEqualTo("SERVER");
            }
        }
    }

    @Test
    void otlpOverGrpcFromTheEnvironment() throws Exception {
        try (SpanCollector collector = new SpanCollector()) {
            DaprdOptions options = TestSidecars.options("otlpgrpc", TestSidecars.inMemoryResources(dir), null);
            options.environment = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.port(),
                    "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc", "OTEL_EXPORTER_OTLP_INSECURE", "true");
            try (Sidecar sidecar = Sidecar.start(options)) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
                        "00-" + TRACE_ID + "-b7ad6b7169203331-01");
                DaprGrpc.DaprBlockingStub dapr = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(),
                        DaprGrpc.DaprBlockingStub.class).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
                dapr.getState(DaprStateProtos.GetStateRequest.newBuilder().setStoreName("statestore").setKey("k").build());
                ReceivedSpan span = awaitSpan(collector, "/dapr.proto.runtime.v1.Dapr/GetState");
                assertThat(span.via()).isEqualTo("otlp-grpc");
                assertThat(span.parentId()).isEqualTo("b7ad6b7169203331");
            }
        }
    }

    private static ReceivedSpan awaitSpan(SpanCollector collector, String name) {
        await().atMost(Duration.ofSeconds(15)).until(() -> collector.spans().stream().anyMatch(s -> s.name().equals(name)));
        ReceivedSpan span = collector.spans().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        assertThat(span.traceId()).isEqualTo(TRACE_ID);
        return span;
    }
}

package io.daprj.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprMetadataProtos;
import io.daprj.runtime.DaprdOptions;
import io.daprj.runtime.EchoApp;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAPR_API_TOKEN guards the HTTP and gRPC APIs (not healthz); APP_API_TOKEN is what the app receives. */
class ApiTokenTest {

    @TempDir
    static Path dir;

    static EchoApp app;
    static Sidecar sidecar;

    @BeforeAll
    static void start() throws Exception {
        app = new EchoApp();
        DaprdOptions options = TestSidecars.options("secured", TestSidecars.inMemoryResources(dir), null,
                "--app-port", Integer.toString(app.port()));
        options.environment = Map.of("DAPR_API_TOKEN", "s3cret", "APP_API_TOKEN", "for-the-app");
        sidecar = Sidecar.start(options);
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        app.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpWithoutTheTokenIs401AndWithItWorks() throws Exception {
        HttpResponse<String> denied = get("/v1.0/metadata");
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.body()).isEqualTo("invalid api token");
        assertThat(get("/v1.0/metadata", "dapr-api-token", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/v1.0/metadata", "dapr-api-token", "s3cret").statusCode()).isEqualTo(200);
    }

    @Test
    void healthEndpointsNeedNoToken() throws Exception {
        org.awaitility.Awaitility.await().until(() -> get("/v1.0/healthz").statusCode() == 204);
        assertThat(get("/v1.0/healthz/outbound").statusCode()).isEqualTo(204);
    }

    @Test
    void grpcWithoutTheTokenIsUnauthenticated() {
        DaprGrpc.DaprBlockingStub noToken = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(), DaprGrpc.DaprBlockingStub.class);
        assertThatThrownBy(() -> noToken.getMetadata(DaprMetadataProtos.GetMetadataRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        DaprGrpc.DaprBlockingStub withToken = GrpcClients.builder("http://127.0.0.1:" + sidecar.grpcPort())
                .addHeader("dapr-api-token", "s3cret").build(DaprGrpc.DaprBlockingStub.class);
        assertThat(withToken.getMetadata(DaprMetadataProtos.GetMetadataRequest.getDefaultInstance()).getId()).isEqualTo("secured");
    }

    @Test
    void theAppGetsAppApiTokenNotTheCallersToken() throws Exception {
        HttpResponse<String> r = get("/v1.0/invoke/secured/method/hello", "dapr-api-token", "s3cret");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("dapr-api-token=for-the-app").doesNotContain("s3cret");
    }
}

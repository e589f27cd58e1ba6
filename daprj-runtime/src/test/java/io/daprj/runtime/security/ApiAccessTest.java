package io.daprj.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprMetadataProtos;
import io.dapr.v1.DaprStateProtos;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration {@code spec.api}: allow and deny lists on the HTTP and gRPC APIs; healthz stays open. */
class ApiAccessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static ApiAccess access(String yaml) throws Exception {
        return ApiAccess.parse(new YAMLMapper().readTree(yaml));
    }

    @Test
    void rulesMatchHttpRoutesAndGrpcMethodsByNameVersionAndProtocol() throws Exception {
        ApiAccess onlyState = access("""
                allowed:
                - {name: state, version: v1.0, protocol: http}
                - {name: state, version: v1, protocol: grpc}
                - {name: lock, version: v1alpha1}
                """);
        assertThat(onlyState.httpAllowed("/v1.0/state/{storeName}/{key}")).isTrue();
        assertThat(onlyState.httpAllowed("/v1.0-alpha1/state/{storeName}/query")).isFalse();
        assertThat(onlyState.httpAllowed("/v1.0/publish/{pubsubname}/{topic*}")).isFalse();
        assertThat(onlyState.httpAllowed("/v1.0-alpha1/lock/{storeName}")).isTrue();
        assertThat(onlyState.httpAllowed("/v1.0/healthz")).isTrue();
        assertThat(onlyState.grpcAllowed("/dapr.proto.runtime.v1.Dapr/GetState")).isTrue();
        assertThat(onlyState.grpcAllowed("/dapr.proto.runtime.v1.Dapr/QueryStateAlpha1")).isFalse();
        assertThat(onlyState.grpcAllowed("/dapr.proto.runtime.v1.Dapr/TryLockAlpha1")).isTrue();
        assertThat(onlyState.grpcAllowed("/dapr.proto.runtime.v1.Dapr/GetActorState")).isFalse();
        assertThat(onlyState.grpcAllowed("/my.Service/Call")).as("proxied calls are invocation").isFalse();

        ApiAccess bothLists = access("""
                allowed: [{name: state, version: v1}, {name: publish, version: v1}]
                denied: [{name: publish, version: v1.0, protocol: http}]
                """);
        assertThat(bothLists.httpAllowed("/v1.0/publish/{pubsubname}/{topic*}")).as("deny wins").isFalse();
        assertThat(bothLists.grpcAllowed("/dapr.proto.runtime.v1.Dapr/PublishEvent")).isTrue();
        assertThat(bothLists.grpcAllowed("/dapr.proto.runtime.v1.Dapr/SubscribeTopicEventsAlpha1")).isFalse();
        assertThat(ApiAccess.ALLOW_ALL.grpcAllowed("/dapr.proto.runtime.v1.Dapr/Shutdown")).isTrue();
    }

    @Test
    void aSidecarServesOnlyTheAllowedApis() throws Exception {
        Path config = TestSidecars.write(dir.resolve("config"), "config.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Configuration
                metadata:
                  name: limited
                spec:
                  api:
                    allowed:
                    - {name: state, version: v1.0, protocol: http}
                    - {name: state, version: v1, protocol: grpc}
                """).resolve("config.yaml");
        try (Sidecar sidecar = Sidecar.start(TestSidecars.options("limited", TestSidecars.inMemoryResources(dir), config))) {
            String base = "http://127.0.0.1:" + sidecar.httpPort() + "/v1.0";
            assertThat(status(HttpRequest.newBuilder(URI.create(base + "/state/statestore/k")))).isEqualTo(204);
            assertThat(status(HttpRequest.newBuilder(URI.create(base + "/metadata")))).isEqualTo(404);
            assertThat(status(HttpRequest.newBuilder(URI.create(base + "/publish/pubsub/t"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")))).isEqualTo(404);
            assertThat(status(HttpRequest.newBuilder(URI.create(base + "/healthz")))).isEqualTo(204);

            DaprGrpc.DaprBlockingStub dapr = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(),
                    DaprGrpc.DaprBlockingStub.class);
            assertThat(dapr.getState(DaprStateProtos.GetStateRequest.newBuilder().setStoreName("statestore").setKey("k")
                    .build()).getData().isEmpty()).isTrue();
            assertThatThrownBy(() -> dapr.getMetadata(DaprMetadataProtos.GetMetadataRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(e.getStatus().getDescription()).contains("GetMetadata").contains("not allowed");
                    });
        }
    }

    private static int status(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

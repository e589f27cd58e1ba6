package io.daprj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarStartTest {

    @TempDir
    Path dir;

    @Test
    void componentThatFailsToInitNamesFileComponentAndCause() {
        Path resources = TestSidecars.write(dir.resolve("r"), "bad.yaml", """
                kind: Component
                metadata: {name: broken}
                spec: {type: state.sqlite, version: v1}
                """);
        assertThatThrownBy(() -> Sidecar.start(TestSidecars.options("a", resources, null)))
                .hasMessageContaining("broken").hasMessageContaining("bad.yaml").hasMessageContaining("connectionString");
    }

    @Test
    void unknownTypeListsKnownOnes() {
        Path resources = TestSidecars.write(dir.resolve("r"), "x.yaml",
                "kind: Component\nmetadata: {name: s}\nspec: {type: state.nosuch, version: v1}\n");
        assertThatThrownBy(() -> Sidecar.start(TestSidecars.options("a", resources, null)))
                .hasMessageContaining("state.nosuch").hasMessageContaining("state.in-memory");
    }

    @Test
    void ignoreErrorsKeepsTheSidecarServing() throws Exception {
        Path resources = TestSidecars.write(dir.resolve("r"), "x.yaml", """
                kind: Component
                metadata: {name: broken}
                spec: {type: state.sqlite, version: v1, ignoreErrors: true}
                ---
                kind: Component
                metadata: {name: good}
                spec: {type: state.in-memory, version: v1}
                """);
        try (Sidecar s = Sidecar.start(TestSidecars.options("a", resources, null))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.httpPort() + "/v1.0/metadata")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).contains("\"good\"").doesNotContain("\"broken\"");
        }
    }

    @Test
    void healthzWaitsForTheAppPortAndBodiesOverTheLimitAreRefused() throws Exception {
        int appPort;
        try (var probe = new java.net.ServerSocket(0)) {
            appPort = probe.getLocalPort();
        }
        Path resources = TestSidecars.inMemoryResources(dir);
        try (Sidecar s = Sidecar.start(TestSidecars.options("a", resources, null,
                "--app-port", Integer.toString(appPort), "--max-body-size", "1Ki"))) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + s.httpPort();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/v1.0/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(500);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/v1.0/healthz/outbound")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
            try (var app = new java.net.ServerSocket(appPort)) {
                org.awaitility.Awaitility.await().until(() -> http.send(HttpRequest.newBuilder(
                        URI.create(base + "/v1.0/healthz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 204);
            }
            String big = "[{\"key\":\"k\",\"value\":\"" + "x".repeat(2048) + "\"}]";
            HttpResponse<String> tooBig = http.send(HttpRequest.newBuilder(URI.create(base + "/v1.0/state/statestore"))
                    .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tooBig.statusCode()).isEqualTo(400);
            assertThat(tooBig.body()).contains("ERR_MALFORMED_REQUEST").contains("--max-body-size");
            var grpc = com.linecorp.armeria.client.grpc.GrpcClients.newClient("http://127.0.0.1:" + s.grpcPort(),
                    io.dapr.v1.DaprGrpc.DaprBlockingStub.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> grpc.saveState(io.dapr.v1.DaprStateProtos.SaveStateRequest
                            .newBuilder().setStoreName("statestore").addStates(io.dapr.v1.CommonProtos.StateItem.newBuilder()
                                    .setKey("k").setValue(com.google.protobuf.ByteString.copyFromUtf8("y".repeat(4096)))).build()))
                    .isInstanceOfSatisfying(io.grpc.StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
                            .isEqualTo(io.grpc.Status.Code.RESOURCE_EXHAUSTED));
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/v1.0/state/statestore/k")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        }
    }
}

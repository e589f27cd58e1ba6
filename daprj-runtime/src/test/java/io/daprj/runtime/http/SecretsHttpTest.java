package io.daprj.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprSecretProtos;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets API with scopes, and secretKeyRef in component metadata (one resolvable, one missing). */
class SecretsHttpTest {

    @TempDir
    static Path dir;

    static Sidecar sidecar;
    static HttpClientSupport http;
    static DaprGrpc.DaprBlockingStub grpc;

    @BeforeAll
    static void start() throws Exception {
        TestSidecars.write(dir, "secrets.json", """
                {"dbPath": "%s", "apiKey": "k-123", "hidden": "no", "nested": {"a": "1"}}
                """.formatted(dir.resolve("fromsecret.db")));
        Path resources = TestSidecars.write(dir.resolve("resources"), "all.yaml", """
                kind: Component
                metadata: {name: localsecrets}
                spec:
                  type: secretstores.local.file
                  version: v1
                  metadata:
                  - {name: secretsFile, value: "%s"}
                ---
                kind: Component
                metadata: {name: securedstore}
                spec:
                  type: state.sqlite
                  version: v1
                  metadata:
                  - name: connectionString
                    secretKeyRef: {name: dbPath}
                auth: {secretStore: localsecrets}
                ---
                kind: Component
                metadata: {name: brokenstore}
                spec:
                  type: state.sqlite
                  version: v1
                  metadata:
                  - name: connectionString
                    secretKeyRef: {name: noSuchSecret, key: x}
                auth: {secretStore: localsecrets}
                """.formatted(dir.resolve("secrets.json")));
        Path config = TestSidecars.write(dir.resolve("config"), "config.yaml", """
                kind: Configuration
                metadata: {name: c}
                spec:
                  secrets:
                    scopes:
                    - storeName: localsecrets
                      defaultAccess: allow
                      deniedSecrets: ["hidden"]
                """).resolve("config.yaml");
        sidecar = Sidecar.start(TestSidecars.options("secretapp", resources, config));
        http = new HttpClientSupport(sidecar.httpPort());
        grpc = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(), DaprGrpc.DaprBlockingStub.class);
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    @Test
    void getReturnsTheSecretAsJsonMap() {
        HttpResponse<String> r = http.get("/v1.0/secrets/localsecrets/apiKey");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"apiKey\":\"k-123\"}");
        assertThat(http.get("/v1.0/secrets/localsecrets/nested:a").body()).isEqualTo("{\"nested:a\":\"1\"}");
    }

    @Test
    void bulkLeavesOutDeniedSecrets() {
        HttpResponse<String> r = http.get("/v1.0/secrets/localsecrets/bulk");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"apiKey\":{\"apiKey\":\"k-123\"}").doesNotContain("hidden");
    }

    @Test
    void deniedSecretIs403() {
        HttpResponse<String> r = http.get("/v1.0/secrets/localsecrets/hidden");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("ERR_PERMISSION_DENIED");
    }

    @Test
    void unknownStoreIs401AndUnknownSecretIs500() {
        HttpResponse<String> store = http.get("/v1.0/secrets/nostore/apiKey");
        assertThat(store.statusCode()).isEqualTo(401);
        assertThat(store.body()).contains("ERR_SECRET_STORE_NOT_FOUND");
        HttpResponse<String> secret = http.get("/v1.0/secrets/localsecrets/nothing");
        assertThat(secret.statusCode()).isEqualTo(500);
        assertThat(secret.body()).contains("ERR_SECRET_GET");
    }

    @Test
    void grpcGetSecretAndBulk() {
        assertThat(grpc.getSecret(DaprSecretProtos.GetSecretRequest.newBuilder().setStoreName("localsecrets").setKey("apiKey").build())
                .getDataMap()).containsEntry("apiKey", "k-123");
        assertThat(grpc.getBulkSecret(DaprSecretProtos.GetBulkSecretRequest.newBuilder().setStoreName("localsecrets").build())
                .getDataMap()).containsKey("apiKey").doesNotContainKey("hidden");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> grpc.getSecret(DaprSecretProtos.GetSecretRequest.newBuilder()
                        .setStoreName("localsecrets").setKey("hidden").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void componentWithResolvedSecretServesAndOneWithMissingSecretIsLeftOut() {
        assertThat(http.post("/v1.0/state/securedstore", "[{\"key\":\"k\",\"value\":1}]").statusCode()).isEqualTo(204);
        assertThat(java.nio.file.Files.exists(dir.resolve("fromsecret.db"))).isTrue();
        assertThat(http.get("/v1.0/metadata").body()).contains("securedstore").doesNotContain("brokenstore");
        assertThat(http.get("/v1.0/state/brokenstore/k").statusCode()).isEqualTo(400);
    }
}

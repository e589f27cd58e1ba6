package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.config.Properties;
import io.dapr.exceptions.DaprException;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packaged sidecar with {@code DAPR_API_TOKEN}: the SDK with {@code dapr.api.token} set works over gRPC and HTTP;
 * without it gRPC calls fail UNAUTHENTICATED and HTTP calls 401; the health endpoint stays open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkApiTokenTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    private static final String TOKEN = "sdk-s3cret";

    private DaprdProcess daprd;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        daprd = DaprdProcess.builder("sdk-token").daprjHome(workDir.resolve("home")).env("DAPR_API_TOKEN", TOKEN).start();
    }

    @AfterAll
    void stop() {
        if (daprd != null) {
            daprd.close();
        }
    }

    private DaprClient client(String token) {
        DaprClientBuilder builder = new DaprClientBuilder()
                .withPropertyOverride(Properties.SIDECAR_IP, "127.0.0.1")
                .withPropertyOverride(Properties.HTTP_PORT, Integer.toString(daprd.httpPort()))
                .withPropertyOverride(Properties.GRPC_PORT, Integer.toString(daprd.grpcPort()));
        if (token != null) {
            builder.withPropertyOverride(Properties.API_TOKEN, token);
        }
        return builder.build();
    }

    @Test
    void theSdkWithTheTokenWorks() throws Exception {
        try (DaprClient client = client(TOKEN)) {
            client.saveState("statestore", "k", "v").block(CALL);
            assertThat(client.getState("statestore", "k", String.class).block(CALL).getValue()).isEqualTo("v");
            assertThat(client.getMetadata().block(CALL).getId()).isEqualTo("sdk-token");
        }
    }

    @Test
    void theSdkWithoutTheTokenIsRefused() throws Exception {
        try (DaprClient client = client(null)) {
            assertThatThrownBy(() -> client.saveState("statestore", "k", "v").block(CALL))
                    .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getErrorCode()).isEqualTo("UNAUTHENTICATED"));
        }
        try (DaprClient client = client("wrong")) {
            assertThatThrownBy(() -> client.getState("statestore", "k", String.class).block(CALL))
                    .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getErrorCode()).isEqualTo("UNAUTHENTICATED"));
        }
    }

    @Test
    void httpCallsWithoutTheTokenGet401AndHealthStaysOpen() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(daprd.httpUri("/v1.0/state/statestore/k")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("invalid api token");
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(daprd.httpUri("/v1.0/state/statestore/k"))
                .header("dapr-api-token", TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isIn(200, 204);
        assertThat(http.send(HttpRequest.newBuilder(daprd.httpUri("/v1.0/healthz")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
    }
}

package io.daprj.sdkcompat.wire;

import static io.daprj.sdkcompat.harness.DaprErrorBody.assertDaprError;
import static io.daprj.sdkcompat.harness.WireClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.EchoApp;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import io.daprj.sdkcompat.harness.WireClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Health, metadata and shutdown on the wire (dapr-api.md §1.16, §1.17), on the embedded defaults with an app. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class HttpHealthAndMetadataWireTest {

    private EchoApp app;
    private DaprdProcess daprd;
    private DaprdProcess doomed;
    private WireClient wire;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        app = EchoApp.start();
        List<DaprdProcess> sidecars = DaprdProcess.startTogether(
                DaprdProcess.builder("wire-meta").daprjHome(workDir.resolve("home")).appPort(app.port()),
                DaprdProcess.builder("wire-shutdown").daprjHome(workDir.resolve("doomed"))
                        .args("--dapr-graceful-shutdown-seconds", "2"));
        daprd = sidecars.get(0);
        doomed = sidecars.get(1);
        wire = daprd.wire();
    }

    @AfterAll
    void stop() {
        for (DaprdProcess sidecar : new DaprdProcess[] {daprd, doomed}) {
            if (sidecar != null) {
                sidecar.close();
            }
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void healthzAnswersNoContentWithEmptyBody() {
        HttpResponse<String> response = wire.get("/v1.0/healthz");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void healthzAskingForOwnAppIdAnswersNoContent() {
        assertThat(wire.get("/v1.0/healthz?appid=wire-meta").statusCode()).isEqualTo(204);
    }

    @Test
    void healthzAskingForAnotherAppIdIsServerErrorWithAppIdNotMatch() {
        assertDaprError(wire.get("/v1.0/healthz?appid=someone-else"), 500, "ERR_HEALTH_APPID_NOT_MATCH");
    }

    @Test
    void outboundHealthzAnswersNoContentWithEmptyBody() {
        HttpResponse<String> response = wire.get("/v1.0/healthz/outbound");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void metadataHasDaprShape() {
        HttpResponse<String> response = wire.get("/v1.0/metadata");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode metadata = json(response.body());
        assertThat(metadata.path("id").asText()).isEqualTo("wire-meta");
        assertThat(metadata.path("runtimeVersion").asText()).isNotBlank();
        assertThat(metadata.path("extended").path("daprRuntimeVersion").asText()).isNotBlank();

        List<JsonNode> stores = new ArrayList<>();
        metadata.path("components").forEach(c -> {
            if (c.path("name").asText().equals("statestore")) {
                stores.add(c);
            }
        });
        assertThat(stores).as("components in %s", response.body()).singleElement().satisfies(store -> {
            assertThat(store.path("type").asText()).isEqualTo("state.sqlite");
            assertThat(store.path("version").asText()).isEqualTo("v1");
            List<String> capabilities = new ArrayList<>();
            store.path("capabilities").forEach(cap -> capabilities.add(cap.asText()));
            assertThat(capabilities).contains("ETAG", "TRANSACTIONAL", "TTL", "ACTOR");
        });

        JsonNode app = metadata.path("appConnectionProperties");
        assertThat(app.path("port").asInt()).isEqualTo(this.app.port());
        assertThat(app.path("protocol").asText()).isEqualTo("http");
        assertThat(app.path("channelAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(metadata.path("actorRuntime").path("runtimeStatus").asText()).isNotBlank();
    }

    @Test
    void putMetadataAnswersNoContentAndShowsInExtended() {
        HttpResponse<String> put = wire.put("/v1.0/metadata/cliPID", "12345");

        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(put.body()).isEmpty();
        JsonNode extended = json(wire.get("/v1.0/metadata").body()).path("extended");
        assertThat(extended.path("cliPID").asText()).isEqualTo("12345");
        assertThat(extended.path("daprRuntimeVersion").asText()).isNotBlank();
    }

    @Test
    void shutdownAnswersNoContentAndTheProcessExits() throws Exception {
        HttpResponse<String> response = doomed.wire().post("/v1.0/shutdown", "");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        // nothing is in flight, so the graceful period (2 s) is the upper bound, plus JVM exit slack
        assertThat(doomed.waitForExit(Duration.ofSeconds(5))).as("exit code of %s", doomed).contains(0);
    }
}

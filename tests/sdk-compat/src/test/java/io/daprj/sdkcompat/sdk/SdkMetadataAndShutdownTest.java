package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.DaprMetadata;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's {@code getMetadata} and {@code shutdown} (gRPC GetMetadata, Shutdown) on the embedded defaults. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkMetadataAndShutdownTest {

    private static final Duration CALL = Duration.ofSeconds(20);

    private DaprdProcess described;
    private DaprdProcess doomed;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        List<DaprdProcess> sidecars = DaprdProcess.startTogether(
                DaprdProcess.builder("sdk-metadata").daprjHome(workDir.resolve("metadata")),
                DaprdProcess.builder("sdk-shutdown").daprjHome(workDir.resolve("shutdown"))
                        .args("--dapr-graceful-shutdown-seconds", "2"));
        described = sidecars.get(0);
        doomed = sidecars.get(1);
    }

    @AfterAll
    void stop() {
        for (DaprdProcess daprd : new DaprdProcess[] {described, doomed}) {
            if (daprd != null) {
                daprd.close();
            }
        }
    }

    @Test
    void getMetadataReportsAppIdAndEmbeddedSqliteStatestoreWithItsCapabilities() throws Exception {
        try (DaprClient client = described.newClient()) {
            DaprMetadata metadata = client.getMetadata().block(CALL);

            assertThat(metadata.getId()).isEqualTo("sdk-metadata");
            assertThat(metadata.getRuntimeVersion()).isNotBlank();
            assertThat(metadata.getAttributes()).containsKey("daprRuntimeVersion");
            assertThat(metadata.getComponents()).filteredOn(c -> c.getName().equals("statestore")).singleElement()
                    .satisfies(store -> {
                        assertThat(store.getType()).isEqualTo("state.sqlite");
                        assertThat(store.getVersion()).isEqualTo("v1");
                        assertThat(store.getCapabilities()).contains("ETAG", "TRANSACTIONAL", "TTL", "ACTOR");
                    });
        }
    }

    @Test
    void shutdownEndsTheSidecarProcessWithinTheGracefulPeriod() throws Exception {
        try (DaprClient client = doomed.newClient()) {
            client.shutdown().block(CALL);

            // nothing is in flight, so the graceful period (2 s) is the upper bound, plus JVM exit slack
            assertThat(doomed.waitForExit(Duration.ofSeconds(5))).as("exit code of %s", doomed).contains(0);
        }
    }
}

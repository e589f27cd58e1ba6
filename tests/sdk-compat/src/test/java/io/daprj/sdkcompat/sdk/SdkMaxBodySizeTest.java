package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dapr.client.DaprClient;
import io.dapr.exceptions.DaprException;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code --max-body-size} also bounds gRPC requests: daprd's gRPC server refuses bigger messages. */
@ExtendWith(SidecarLogsOnFailure.class)
class SdkMaxBodySizeTest {

    private static final Duration CALL = Duration.ofSeconds(20);

    @Test
    void saveStateOverMaxBodySizeFailsResourceExhaustedAndSmallerOneWorks(@TempDir Path home) throws Exception {
        try (DaprdProcess daprd = DaprdProcess.builder("sdk-max-body").daprjHome(home)
                .args("--max-body-size", "1Ki").start();
                DaprClient client = daprd.newClient()) {
            assertThatThrownBy(() -> client.saveState("statestore", "big", "x".repeat(4096)).block(CALL))
                    .isInstanceOfSatisfying(DaprException.class,
                            e -> assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo("RESOURCE_EXHAUSTED"));

            client.saveState("statestore", "small", "x".repeat(100)).block(CALL);
            assertThat(client.getState("statestore", "big", String.class).block(CALL).getValue()).isNull();
            assertThat(client.getState("statestore", "small", String.class).block(CALL).getValue()).hasSize(100);
        }
    }
}

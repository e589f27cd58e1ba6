package io.daprj.sdkcompat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.DaprdProcess.Completed;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/daprd} rejects flags it does not know, or values it cannot use, with a message and exit code 1. */
class DaprdCommandLineTest {

    private static final Duration EXIT_WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path daprjHome;

    @Test
    void unknownFlagExitsWithCodeOneAndNamesTheFlag() throws Exception {
        Completed run = DaprdProcess.runToExit(daprjHome, EXIT_WITHIN, "--app-id", "cli", "--no-such-flag", "x");

        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isEqualTo(1);
        assertThat(run.output()).contains("--no-such-flag");
    }

    @Test
    void malformedPortExitsWithCodeOneAndNamesTheFlag() throws Exception {
        Completed run = DaprdProcess.runToExit(daprjHome, EXIT_WITHIN, "--app-id", "cli", "--dapr-http-port", "not-a-port");

        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isEqualTo(1);
        assertThat(run.output()).contains("--dapr-http-port");
    }
}

package io.daprj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A run in its own JVM, stopped by 'daprj stop' (SIGTERM): the app and the run both end and the file is gone. */
class RunSignalTest {

    @Test
    void stopEndsTheRunAndItsApp() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StandInRunMain.class.getName(), "run", "--app-id", "signalled", "--", "sleep", "60")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "run-signal-test.log").toFile()) // surefire owns this JVM's stdout
                .start();
        try {
            RunRegistry registry = RunRegistry.inHome();
            RunRecord record = await().atMost(Duration.ofSeconds(20))
                    .until(() -> registry.find("signalled").orElse(null), r -> r != null);
            assertThat(record.pid()).isEqualTo(run.pid());
            ProcessHandle app = ProcessHandle.of(record.appPid()).orElseThrow();

            Cli cli = new Cli();
            assertThat(cli.execute("stop", "--app-id", "signalled")).isZero();

            assertThat(run.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(app.isAlive()).isFalse();
            assertThat(registry.dir().resolve("signalled.json")).doesNotExist();
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }
}

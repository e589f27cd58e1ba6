package io.daprj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    private final RunRegistry registry = RunRegistry.inHome();

    @Test
    void appExitCodeBecomesDaprjsAndTheSidecarIsClosed() {
        Cli cli = new Cli();
        assertThat(cli.execute("run", "--app-id", "exit-three", "--", "sh", "-c", "exit 3")).isEqualTo(3);
        assertThat(cli.sidecar.join().closes).hasValue(1);
        assertThat(registry.find("exit-three")).isEmpty();
    }

    @Test
    void appCommandNeedsNoDoubleDash() {
        Cli cli = new Cli();
        assertThat(cli.execute("run", "--app-id", "no-dash", "sh", "-c", "exit 4")).isEqualTo(4);
    }

    @Test
    void appGetsTheSidecarsPortsAndItsIdInItsEnvironment(@TempDir Path tmp) throws Exception {
        Path seen = tmp.resolve("env.txt");
        Cli cli = new Cli();
        int code = cli.execute("run", "--app-id", "env-check", "--app-port", "8081", "--dapr-http-port", "3601", "--",
                "sh", "-c", "echo \"$APP_ID $APP_PORT $DAPR_HTTP_PORT $DAPR_GRPC_PORT\" > " + seen);
        assertThat(code).isZero();
        int grpcPort = cli.sidecar.join().grpcPort();
        assertThat(Files.readString(seen).strip()).isEqualTo("env-check 8081 3601 " + grpcPort);
    }

    @Test
    void portsNotGivenAreChosenFreeInsteadOfDaprdsDefaults() {
        Cli cli = new Cli();
        cli.execute("run", "--app-id", "free-ports", "--", "true");
        StandInSidecar sidecar = cli.sidecar.join();
        assertThat(sidecar.httpPort()).isNotEqualTo(3500).isPositive();
        assertThat(sidecar.grpcPort()).isNotEqualTo(50001).isPositive().isNotEqualTo(sidecar.httpPort());
        assertThat(sidecar.options.metricsPort).isNotEqualTo(9090);
        assertThat(sidecar.options.listenAddresses()).as("the API listens on loopback only").containsExactly("127.0.0.1");
        assertThat(cli.out()).contains("HTTP port " + sidecar.httpPort(), "gRPC port " + sidecar.grpcPort());
    }

    @Test
    void sidecarShutdownStopsTheAppAndEndsTheRunWithZero() throws Exception {
        Cli cli = new Cli();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                () -> cli.execute("run", "--app-id", "shutdown-api", "--", "sleep", "60"));
        RunRecord record = awaitRecord("shutdown-api");
        ProcessHandle app = ProcessHandle.of(record.appPid()).orElseThrow();
        assertThat(record.pid()).isEqualTo(ProcessHandle.current().pid());

        cli.sidecar.join().shutdownRequested.complete(null);

        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(app.isAlive()).isFalse();
        assertThat(registry.find("shutdown-api")).isEmpty();
    }

    @Test
    void sidecarAloneRunsUntilItIsAskedToShutDown() throws Exception {
        Cli cli = new Cli();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                () -> cli.execute("run", "--app-id", "alone"));
        RunRecord record = awaitRecord("alone");
        assertThat(record.appPid()).isZero();
        assertThat(record.command()).isEmpty();
        Thread.sleep(200);
        assertThat(run).isNotDone();

        cli.sidecar.join().shutdownRequested.complete(null);
        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void secondRunWithARunningAppIdIsRefused() throws Exception {
        Cli first = new Cli();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                () -> first.execute("run", "--app-id", "taken", "--", "sleep", "60"));
        awaitRecord("taken");

        Cli second = new Cli();
        assertThat(second.execute("run", "--app-id", "taken", "--", "true")).isEqualTo(1);
        assertThat(second.err()).contains("already running");
        assertThat(second.sidecar).isNotDone();

        first.sidecar.join().shutdownRequested.complete(null);
        run.get(10, TimeUnit.SECONDS);
    }

    @Test
    void appThatCannotStartFailsTheRunAndClosesTheSidecar() {
        Cli cli = new Cli();
        assertThat(cli.execute("run", "--app-id", "missing-app", "--", "/no/such/program")).isEqualTo(1);
        assertThat(cli.err()).contains("/no/such/program");
        assertThat(cli.sidecar.join().closes).hasValue(1);
        assertThat(registry.find("missing-app")).isEmpty();
    }

    @Test
    void sidecarThatFailsToStartFailsTheRunWithItsCause() {
        StringWriter err = new StringWriter();
        CommandLine cli = Daprj.commandLine(options -> {
            throw new CompletionException(new java.net.BindException("Address already in use"));
        });
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("run", "--app-id", "no-start", "--dapr-http-port", "3999", "--", "sleep", "60")).isEqualTo(1);

        assertThat(err.toString().strip()).matches(
                "daprj: the sidecar did not start \\(HTTP port 3999, gRPC port \\d+\\): Address already in use");
        assertThat(registry.find("no-start")).isEmpty();
    }

    private RunRecord awaitRecord(String appId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> registry.find(appId).orElse(null), r -> r != null);
    }
}

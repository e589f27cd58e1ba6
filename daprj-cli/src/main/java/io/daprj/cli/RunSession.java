package io.daprj.cli;

import io.daprj.runtime.DaprdOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code daprj run}: the sidecar in this JVM and the app as a child, which stop together. Whichever ends first
 * (the app exits, the sidecar's API asks for shutdown, or this JVM gets SIGTERM/SIGINT) stops the other: the app
 * first, so it can still use the sidecar while it shuts down, then the sidecar.
 */
final class RunSession {

    /** How long the app gets between SIGTERM and SIGKILL, as the dapr CLI allows. */
    static final Duration APP_STOP_GRACE = Duration.ofSeconds(5);

    private final DaprdOptions options;
    private final List<String> command;
    private final RunRegistry registry;
    private final PrintWriter out;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile RunningSidecar sidecar;
    private volatile AppProcess app;
    private volatile RunRecord record;

    RunSession(DaprdOptions options, List<String> command, RunRegistry registry, PrintWriter out) {
        this.options = options;
        this.command = List.copyOf(command);
        this.registry = registry;
        this.out = out;
    }

    /** Runs until the app or the sidecar ends; returns the exit code for daprj. */
    int run(RunningSidecar.Starter starter) throws Exception {
        Thread hook = new Thread(this::stopOnSignal, "daprj-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            try {
                sidecar = starter.start(options);
            } catch (Exception e) {
                throw new IllegalStateException("the sidecar did not start (HTTP port " + options.daprHttpPort
                        + ", gRPC port " + options.daprGrpcPort + "): " + Daprj.describe(e), e);
            }
            say("sidecar '%s' is up: HTTP port %d, gRPC port %d", options.appId, sidecar.httpPort(), sidecar.grpcPort());
            CompletableFuture<Integer> outcome = new CompletableFuture<>();
            if (!command.isEmpty()) {
                app = AppProcess.start(command, appEnvironment());
                say("started the app (pid %d): %s", app.pid(), String.join(" ", command));
                app.exitCode().thenAccept(code -> {
                    if (outcome.complete(code) && !stopping.get()) {
                        say("the app exited with code %d; stopping the sidecar", code);
                    }
                });
            }
            record = new RunRecord(options.appId, ProcessHandle.current().pid(), app == null ? 0 : app.pid(),
                    sidecar.httpPort(), sidecar.grpcPort(), options.appPortValue().orElse(0), command,
                    Instant.now().toString());
            registry.write(record);
            sidecar.shutdownRequested().thenRun(() -> {
                if (outcome.complete(0) && !stopping.get()) {
                    say("the sidecar is shutting down; stopping the app");
                }
            });
            return outcome.join();
        } finally {
            stop();
            removeHook(hook);
        }
    }

    /** Stops the app, then the sidecar, then forgets the run; safe to call from any thread, any number of times. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            stopped.join();
            return;
        }
        try {
            if (app != null) {
                app.stop(APP_STOP_GRACE);
            }
        } finally {
            try {
                if (sidecar != null) {
                    sidecar.close();
                }
            } finally {
                if (record != null) {
                    registry.remove(record);
                }
                stopped.complete(null);
            }
        }
    }

    private void stopOnSignal() {
        if (!stopping.get()) {
            say("stopping the app and the sidecar (signal)");
        }
        stop();
    }

    /** What dapr run gives the app: where its sidecar listens and who it is. */
    private Map<String, String> appEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("APP_ID", options.appId);
        options.appPortValue().ifPresent(port -> env.put("APP_PORT", Integer.toString(port)));
        env.put("APP_PROTOCOL", options.appProtocol);
        env.put("DAPR_HTTP_PORT", Integer.toString(sidecar.httpPort()));
        env.put("DAPR_GRPC_PORT", Integer.toString(sidecar.grpcPort()));
        if (options.enableMetrics) {
            env.put("DAPR_METRICS_PORT", Integer.toString(options.metricsPort));
        }
        return env;
    }

    private void say(String format, Object... args) {
        out.printf("daprj: " + format + "%n", args);
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; nothing to undo
        }
    }
}

package io.daprj.benchmarks;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bin/daprd} process on free ports. {@link #start} returns once {@code GET /v1.0/healthz} answers 204 and
 * records how long that took from just before the process was spawned. {@code bin/daprd} replaces its shell with the
 * JVM, so {@link #pid()} is the sidecar's JVM. Not thread safe.
 */
final class SidecarProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        // benchmarks/run stops this JVM with SIGTERM on Ctrl-C or failure; no sidecar may outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final String appId;
    private final int httpPort;
    private final int grpcPort;
    private final Process process;
    private final Duration startup;

    private SidecarProcess(String appId, int httpPort, int grpcPort, Process process, Duration startup) {
        this.appId = appId;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
        this.process = process;
        this.startup = startup;
    }

    /**
     * Starts {@code daprd} with the given app (port 0: no app) and resources folder, logging to {@code logDir}.
     *
     * @param appProtocol {@code http} or {@code grpc}
     */
    static SidecarProcess start(Path daprd, Map<String, String> environment, String appId, int appPort,
            String appProtocol, Path resources, Path logDir) throws IOException, InterruptedException {
        return start(daprd, environment, appId, appPort, appProtocol, resources, logDir, freePort(), List.of());
    }

    /** As above, with metrics on {@code metricsPort} and more daprd flags (e.g. {@code --max-body-size}). */
    static SidecarProcess start(Path daprd, Map<String, String> environment, String appId, int appPort,
            String appProtocol, Path resources, Path logDir, int metricsPort, List<String> extraArgs)
            throws IOException, InterruptedException {
        requireNonNull(appId, "appId");
        int httpPort = freePort();
        int grpcPort = freePort();
        List<String> command = new ArrayList<>(List.of(daprd.toString(),
                "--app-id", appId,
                "--dapr-http-port", Integer.toString(httpPort),
                "--dapr-grpc-port", Integer.toString(grpcPort),
                "--dapr-internal-grpc-port", Integer.toString(freePort()),
                "--metrics-port", Integer.toString(metricsPort),
                "--resources-path", resources.toString()));
        command.addAll(extraArgs);
        if (appPort > 0) {
            command.addAll(List.of("--app-port", Integer.toString(appPort), "--app-protocol", appProtocol));
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(appId + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long spawned = System.nanoTime();
        Process process = builder.start();
        RUNNING.add(process);
        SidecarProcess sidecar;
        try {
            waitForHealthz(process, httpPort, log);
            sidecar = new SidecarProcess(appId, httpPort, grpcPort, process, Duration.ofNanos(System.nanoTime() - spawned));
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            RUNNING.remove(process);
            throw e;
        }
        return sidecar;
    }

    String appId() {
        return appId;
    }

    int httpPort() {
        return httpPort;
    }

    int grpcPort() {
        return grpcPort;
    }

    long pid() {
        return process.pid();
    }

    /** From just before the process was spawned to the first {@code healthz} 204. */
    Duration startup() {
        return startup;
    }

    long residentBytes() {
        return ProcStats.residentBytes(pid());
    }

    long cpuNanos() {
        return ProcStats.cpuNanos(pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        RUNNING.remove(process);
    }

    private static void waitForHealthz(Process process, int httpPort, Path log) throws IOException, InterruptedException {
        HttpRequest healthz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/v1.0/healthz"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("daprd exited with " + process.exitValue() + "; its output:\n"
                        + Files.readString(log));
            }
            try {
                if (PROBE.send(healthz, HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                    return;
                }
            } catch (IOException notListeningOrSlow) {
                // not listening yet, or answering too slowly while starting: keep polling
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("daprd not healthy after " + STARTUP_TIMEOUT + "; its output:\n"
                + Files.readString(log));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

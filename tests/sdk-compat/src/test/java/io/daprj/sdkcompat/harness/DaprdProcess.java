package io.daprj.sdkcompat.harness;

import static java.util.Objects.requireNonNull;

import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.client.DaprPreviewClient;
import io.dapr.config.Properties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code bin/daprd} OS process on free ports, with its output captured in a file. {@link Builder#start()} returns
 * once {@code GET /v1.0/healthz/outbound} answers 204; {@link #close()} stops it (and any child the launcher forked).
 * Not thread safe; one test class owns each instance.
 */
public final class DaprdProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Set<DaprdProcess> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();

    static {
        // a test JVM that dies must not leave sidecars behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running().forEach(DaprdProcess::close)));
    }

    private final String appId;
    private final int httpPort;
    private final int grpcPort;
    private final int internalGrpcPort;
    private final int metricsPort;
    private final Process process;
    private final Path logFile;

    private DaprdProcess(String appId, int[] ports, Process process, Path logFile) {
        this.appId = appId;
        this.httpPort = ports[0];
        this.grpcPort = ports[1];
        this.internalGrpcPort = ports[2];
        this.metricsPort = ports[3];
        this.process = process;
        this.logFile = logFile;
    }

    public static Builder builder(String appId) {
        return new Builder(appId);
    }

    /** Sidecars alive right now, for printing their output when a test fails. */
    static Set<DaprdProcess> running() {
        return Set.copyOf(RUNNING);
    }

    /** Launches all sidecars at once (their JVMs start in parallel) and returns once every one is healthy. */
    public static List<DaprdProcess> startTogether(Builder... builders) throws IOException {
        List<DaprdProcess> started = new ArrayList<>();
        try {
            for (Builder builder : builders) {
                started.add(builder.launch());
            }
            started.forEach(DaprdProcess::awaitHealthy);
            return List.copyOf(started);
        } catch (RuntimeException | IOException e) {
            started.forEach(DaprdProcess::close);
            throw e;
        }
    }

    public String appId() {
        return appId;
    }

    public int httpPort() {
        return httpPort;
    }

    public int grpcPort() {
        return grpcPort;
    }

    public int internalGrpcPort() {
        return internalGrpcPort;
    }

    public int metricsPort() {
        return metricsPort;
    }

    public URI httpUri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + httpPort + pathAndQuery);
    }

    /** A Dapr SDK client pointed at this sidecar only through builder overrides, as an app would configure it. */
    public DaprClient newClient() {
        return new DaprClientBuilder()
                .withPropertyOverride(Properties.SIDECAR_IP, "127.0.0.1")
                .withPropertyOverride(Properties.HTTP_PORT, Integer.toString(httpPort))
                .withPropertyOverride(Properties.GRPC_PORT, Integer.toString(grpcPort))
                .build();
    }

    /** As {@link #newClient()}, for the SDK's preview (alpha) APIs such as {@code queryState}. */
    public DaprPreviewClient newPreviewClient() {
        return new DaprClientBuilder()
                .withPropertyOverride(Properties.SIDECAR_IP, "127.0.0.1")
                .withPropertyOverride(Properties.HTTP_PORT, Integer.toString(httpPort))
                .withPropertyOverride(Properties.GRPC_PORT, Integer.toString(grpcPort))
                .buildPreviewClient();
    }

    public WireClient wire() {
        return new WireClient(httpPort);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code if the process ended within {@code timeout}. */
    public Optional<Integer> waitForExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.of(process.exitValue());
        }
        return Optional.empty();
    }

    public Path logFile() {
        return logFile;
    }

    public String log() {
        return readLog(logFile);
    }

    @Override
    public void close() {
        RUNNING.remove(this);
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception stillRunning) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public String toString() {
        return "daprd[" + appId + " http=" + httpPort + " grpc=" + grpcPort + " pid=" + process.pid() + "]";
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest probe = HttpRequest.newBuilder(httpUri("/v1.0/healthz/outbound"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw startupFailure("exited with code " + process.exitValue() + " before it became healthy");
            }
            try {
                lastStatus = PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 204) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // refused, reset or timed out while the server starts; try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw startupFailure("was interrupted while waiting for it");
            }
            sleep(100);
        }
        throw startupFailure("did not answer 204 on /v1.0/healthz/outbound within " + STARTUP_TIMEOUT.toSeconds()
                + " s (last status: " + lastStatus + ")");
    }

    private IllegalStateException startupFailure(String what) {
        close();
        return new IllegalStateException(this + " " + what + "; its output (" + logFile + "):\n" + log());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String readLog(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "<could not read " + file + ": " + e + ">";
        }
    }

    /** Runs {@code bin/daprd} with exactly {@code args}, for flag tests that expect the process to end by itself. */
    public static Completed runToExit(Path daprjHome, Duration timeout, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(DaprDistribution.daprd().toString());
        command.addAll(List.of(args));
        Path log = newLogFile("cli");
        Process process = processBuilder(command, daprjHome, log).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("bin/daprd " + String.join(" ", args) + " still ran after "
                    + timeout.toSeconds() + " s; its output:\n" + readLog(log));
        }
        return new Completed(process.exitValue(), readLog(log));
    }

    /** How a process that ended by itself ended. */
    public record Completed(int exitCode, String output) {}

    private static ProcessBuilder processBuilder(List<String> command, Path daprjHome, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("DAPRJ_HOME", daprjHome.toString());
        // the test JVM is a Java 25 runtime; give the launcher the same one
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    private static Path newLogFile(String name) throws IOException {
        Path dir = Files.createDirectories(DaprDistribution.logDir());
        return dir.resolve(name + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + ".log");
    }

    /** Options for one sidecar; {@link #daprjHome(Path)} is required. */
    public static final class Builder {

        private final String appId;
        private Path daprjHome;
        private Integer appPort;
        private final List<Path> resourcesPaths = new ArrayList<>();
        private final List<String> extraArgs = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder(String appId) {
            this.appId = requireNonNull(appId, "appId");
        }

        /** The sidecar's {@code DAPRJ_HOME}: embedded state store file and the shared name-resolution file. */
        public Builder daprjHome(Path dir) {
            this.daprjHome = requireNonNull(dir, "dir");
            return this;
        }

        public Builder appPort(int port) {
            this.appPort = port;
            return this;
        }

        public Builder resourcesPath(Path dir) {
            resourcesPaths.add(requireNonNull(dir, "dir"));
            return this;
        }

        public Builder args(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        /** An environment variable of the sidecar process, on top of the test JVM's own. */
        public Builder env(String name, String value) {
            environment.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
            return this;
        }

        /** Launches the sidecar and returns once it is healthy. */
        public DaprdProcess start() throws IOException {
            DaprdProcess daprd = launch();
            daprd.awaitHealthy();
            return daprd;
        }

        private DaprdProcess launch() throws IOException {
            if (daprjHome == null) {
                throw new IllegalStateException("daprjHome: not set (expected: a temp dir per test class)");
            }
            Files.createDirectories(daprjHome);
            int[] ports = FreePorts.take(4);
            List<String> command = new ArrayList<>(List.of(
                    DaprDistribution.daprd().toString(),
                    "--app-id", appId,
                    "--dapr-http-port", Integer.toString(ports[0]),
                    "--dapr-grpc-port", Integer.toString(ports[1]),
                    "--dapr-internal-grpc-port", Integer.toString(ports[2]),
                    "--metrics-port", Integer.toString(ports[3])));
            if (appPort != null) {
                command.addAll(List.of("--app-port", Integer.toString(appPort)));
            }
            for (Path dir : resourcesPaths) {
                command.addAll(List.of("--resources-path", dir.toString()));
            }
            command.addAll(extraArgs);
            Path log = newLogFile(appId);
            Files.writeString(log, "$ " + String.join(" ", command) + "\n");
            ProcessBuilder processBuilder = processBuilder(command, daprjHome, log)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            processBuilder.environment().putAll(environment);
            Process process = processBuilder.start();
            DaprdProcess daprd = new DaprdProcess(appId, ports, process, log);
            RUNNING.add(daprd);
            return daprd;
        }
    }
}

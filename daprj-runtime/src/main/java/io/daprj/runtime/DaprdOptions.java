package io.daprj.runtime;

import io.daprj.spi.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The sidecar's flags, with daprd's names and defaults ({@code cmd/daprd/options/options.go}). Parsed once at the
 * boundary by picocli; use {@link #appPortValue()} and friends for the checked values.
 */
public class DaprdOptions {

    @Option(names = "--app-id", description = "The id of the application the sidecar serves.")
    public String appId = "";

    @Option(names = "--app-port", description = "The port the application listens on; empty for no app channel.")
    public String appPort = "";

    @Option(names = "--app-protocol", description = "Protocol of the app channel: http or grpc (default: http).")
    public String appProtocol = "http";

    @Option(names = "--app-channel-address", description = "The address of the application (default: 127.0.0.1).")
    public String appChannelAddress = "127.0.0.1";

    @Option(names = "--dapr-http-port", description = "HTTP API port (default: 3500).")
    public int daprHttpPort = 3500;

    @Option(names = "--dapr-grpc-port", description = "gRPC API port (default: 50001).")
    public int daprGrpcPort = 50001;

    @Option(names = "--dapr-internal-grpc-port", description = "Sidecar-to-sidecar gRPC port (default: a free port).")
    public String daprInternalGrpcPort = "";

    @Option(names = "--dapr-listen-addresses", description = "Comma-separated addresses the APIs bind to (default: all).")
    public String daprListenAddresses = "";

    @Option(names = "--metrics-port", description = "Prometheus metrics port (default: 9090).")
    public int metricsPort = 9090;

    @Option(names = "--enable-metrics", arity = "0..1", fallbackValue = "true", description = "Serve metrics (default: true).")
    public boolean enableMetrics = true;

    @Option(names = {"--resources-path", "--components-path"},
            description = "A folder of Component YAML files; repeatable. Without one, the embedded defaults load.")
    public List<Path> resourcesPaths = new ArrayList<>();

    @Option(names = "--config", description = "Path to a Configuration YAML file; repeatable.")
    public List<Path> config = new ArrayList<>();

    @Option(names = "--log-level", description = "debug, info, warn, error or fatal (default: info).")
    public String logLevel = "info";

    @Option(names = "--log-as-json", arity = "0..1", fallbackValue = "true", description = "Log as JSON lines.")
    public boolean logAsJson;

    @Option(names = "--enable-api-logging", arity = "0..1", fallbackValue = "true", description = "Log every API call.")
    public boolean enableApiLogging;

    @Option(names = "--max-body-size", description = "Largest request body on HTTP and gRPC (default: 4Mi).")
    public String maxBodySize = "4Mi";

    @Option(names = "--app-max-concurrency", description = "Most calls in flight to the app; -1 for no limit.")
    public int appMaxConcurrency = -1;

    @Option(names = "--dapr-graceful-shutdown-seconds", description = "Seconds to finish in-flight work at shutdown (default: 5).")
    public int gracefulShutdownSeconds = 5;

    @Option(names = "--enable-app-health-check", arity = "0..1", fallbackValue = "true", description = "Probe the app's health.")
    public boolean enableAppHealthCheck;

    @Option(names = "--app-health-check-path", description = "HTTP path of the app's health probe (default: /healthz).")
    public String appHealthCheckPath = "/healthz";

    @Option(names = "--app-health-probe-interval", description = "Seconds between health probes (default: 5).")
    public String appHealthProbeInterval = "5";

    @Option(names = "--app-health-probe-timeout", description = "Milliseconds a health probe may take (default: 500).")
    public String appHealthProbeTimeout = "500";

    @Option(names = "--app-health-threshold", description = "Failed probes before the app counts as unhealthy (default: 3).")
    public int appHealthThreshold = 3;

    @Option(names = "--mode", description = "standalone (the only mode daprj supports).")
    public String mode = "standalone";

    @Option(names = "--placement-host-address", description = "Placement service addresses (actors; not yet supported).")
    public String placementHostAddress = "";

    @Option(names = "--enable-mtls", arity = "0..1", fallbackValue = "true", description = "mTLS between sidecars (not yet supported).")
    public boolean enableMtls;

    /** The environment the sidecar reads {@code DAPR_API_TOKEN}, {@code APP_API_TOKEN} and {@code NAMESPACE} from; tests replace it. */
    public java.util.Map<String, String> environment = System.getenv();

    /** The value of an environment variable, empty when unset or blank. */
    public Optional<String> env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The checked app port, empty when the sidecar runs without an app. */
    public Optional<Integer> appPortValue() {
        return appPort == null || appPort.isBlank() ? Optional.empty() : Optional.of(port("--app-port", appPort));
    }

    public Optional<Integer> internalGrpcPortValue() {
        return daprInternalGrpcPort == null || daprInternalGrpcPort.isBlank()
                ? Optional.empty()
                : Optional.of(port("--dapr-internal-grpc-port", daprInternalGrpcPort));
    }

    public List<String> listenAddresses() {
        if (daprListenAddresses == null || daprListenAddresses.isBlank()) {
            return List.of();
        }
        return List.of(daprListenAddresses.split("\\s*,\\s*"));
    }

    public long maxBodySizeBytes() {
        return Quantity.parseBytes("--max-body-size", maxBodySize);
    }

    public Duration appHealthProbeIntervalValue() {
        return seconds(appHealthProbeInterval);
    }

    public Duration appHealthProbeTimeoutValue() {
        return appHealthProbeTimeout.matches("\\d+") ? Duration.ofMillis(Long.parseLong(appHealthProbeTimeout))
                : GoDuration.parse(appHealthProbeTimeout);
    }

    /**
     * Checks values picocli cannot check by type; a bad value throws {@link IllegalArgumentException} naming the flag.
     */
    public DaprdOptions validate() {
        appPortValue();
        internalGrpcPortValue();
        port("--dapr-http-port", Integer.toString(daprHttpPort));
        port("--dapr-grpc-port", Integer.toString(daprGrpcPort));
        maxBodySizeBytes();
        appHealthProbeIntervalValue();
        appHealthProbeTimeoutValue();
        String protocol = appProtocol.toLowerCase(Locale.ROOT);
        if (!protocol.equals("http") && !protocol.equals("grpc")) {
            throw new IllegalArgumentException("--app-protocol: '" + appProtocol + "' (expected: http or grpc)");
        }
        appProtocol = protocol;
        if (!List.of("debug", "info", "warn", "error", "fatal").contains(logLevel.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--log-level: '" + logLevel + "' (expected: debug, info, warn, error or fatal)");
        }
        if (!mode.equals("standalone")) {
            throw new IllegalArgumentException("--mode: '" + mode + "' (expected: standalone)");
        }
        if (gracefulShutdownSeconds < 0) {
            throw new IllegalArgumentException("--dapr-graceful-shutdown-seconds: " + gracefulShutdownSeconds + " (expected: >= 0)");
        }
        if (appHealthThreshold < 1) {
            throw new IllegalArgumentException("--app-health-threshold: " + appHealthThreshold + " (expected: >= 1)");
        }
        if (appMaxConcurrency == 0 || appMaxConcurrency < -1) {
            throw new IllegalArgumentException("--app-max-concurrency: " + appMaxConcurrency + " (expected: -1 or > 0)");
        }
        return this;
    }

    private static Duration seconds(String value) {
        return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : GoDuration.parse(value);
    }

    private static int port(String flag, String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + value + "' (expected: a port number)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(flag + ": " + port + " (expected: 0-65535)");
        }
        return port;
    }
}

package io.daprj.runtime.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The one place that knows daprd's metric names, labels and buckets; every recording in the sidecar goes through it.
 * A disabled instance ({@code --enable-metrics=false} or Configuration {@code spec.metric.enabled: false}) records
 * nothing. Thread-safe.
 *
 * <p>daprd's counts that do not end in {@code _total} ({@code dapr_http_server_request_count} …) are exposed as gauges
 * over a monotonic adder: the Prometheus client always appends {@code _total} to a counter, which would rename them.
 */
public final class DaprMetrics implements AutoCloseable {

    /** Set by the HTTP API on the request context: the route pattern that served the request. */
    public static final io.netty.util.AttributeKey<String> ROUTE =
            io.netty.util.AttributeKey.valueOf(DaprMetrics.class, "ROUTE");

    /** daprd's default {@code latencyDistributionBuckets}, in milliseconds. */
    static final double[] DEFAULT_LATENCY_BUCKETS = {1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 30, 40, 50, 65, 80, 100,
            130, 160, 200, 250, 300, 400, 500, 650, 800, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};
    /** daprd's size distribution for body and message sizes, in bytes. */
    static final double[] SIZE_BUCKETS = {1L << 10, 2L << 10, 4L << 10, 16L << 10, 64L << 10, 256L << 10, 1L << 20,
            4L << 20, 16L << 20, 64L << 20, 256L << 20, 1L << 30, 4L << 30};
    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("dapr_http_server_request_count", "HTTP API requests served."),
            Map.entry("dapr_http_server_response_count", "HTTP API responses sent (increased cardinality only)."),
            Map.entry("dapr_http_server_latency", "HTTP API request latency in ms, first byte in to last byte out."),
            Map.entry("dapr_http_server_request_bytes", "HTTP API request body sizes in bytes."),
            Map.entry("dapr_http_server_response_bytes", "HTTP API response body sizes in bytes."),
            Map.entry("dapr_grpc_io_server_completed_rpcs", "gRPC calls completed by the sidecar's servers."),
            Map.entry("dapr_grpc_io_server_server_latency", "gRPC call latency in ms on the sidecar's servers."),
            Map.entry("dapr_grpc_io_server_received_bytes_per_rpc", "gRPC request sizes in bytes."),
            Map.entry("dapr_grpc_io_server_sent_bytes_per_rpc", "gRPC response sizes in bytes."),
            Map.entry("dapr_runtime_service_invocation_req_sent", "Invocations sent to other sidecars."),
            Map.entry("dapr_runtime_service_invocation_res_recv", "Invocation answers received from other sidecars."),
            Map.entry("dapr_runtime_service_invocation_res_recv_latency_ms", "Invocation round trips to other sidecars in ms."),
            Map.entry("dapr_runtime_service_invocation_req_recv", "Invocations received from other sidecars."),
            Map.entry("dapr_runtime_service_invocation_res_sent", "Invocation answers sent back to other sidecars."),
            Map.entry("dapr_component_state_count", "State store calls."),
            Map.entry("dapr_component_state_latencies", "State store call latency in ms."),
            Map.entry("dapr_runtime_component_loaded", "Components loaded."),
            Map.entry("dapr_runtime_component_init", "Components initialised."),
            Map.entry("dapr_runtime_component_init_fail", "Components that failed to be created or initialised."),
            Map.entry("dapr_resiliency_loaded", "Resiliency resources loaded."),
            Map.entry("dapr_component_secret_count", "Secret store calls."),
            Map.entry("dapr_http_client_completed_count", "Calls from the sidecar to the HTTP app."),
            Map.entry("dapr_grpc_io_client_completed_rpcs", "gRPC calls from the sidecar to the gRPC app."),
            Map.entry("dapr_grpc_io_client_roundtrip_latency", "gRPC calls to the app: round trip in ms."),
            Map.entry("dapr_grpc_io_client_sent_bytes_per_rpc", "gRPC calls to the app: request sizes in bytes."),
            Map.entry("dapr_grpc_io_client_received_bytes_per_rpc", "gRPC calls to the app: response sizes in bytes."),
            Map.entry("dapr_http_client_roundtrip_latency", "Calls to the HTTP app: round trip in ms."),
            Map.entry("dapr_http_client_sent_bytes", "Calls to the HTTP app: request body sizes in bytes."),
            Map.entry("dapr_http_client_received_bytes", "Calls to the HTTP app: response body sizes in bytes."),
            Map.entry("dapr_component_secret_latencies", "Secret store call latency in ms."),
            Map.entry("dapr_component_output_binding_count", "Output binding calls."),
            Map.entry("dapr_component_output_binding_latencies", "Output binding call latency in ms."),
            Map.entry("dapr_component_configuration_count", "Configuration store calls."),
            Map.entry("dapr_component_configuration_latencies", "Configuration store call latency in ms."),
            Map.entry("dapr_component_pubsub_egress_count", "Messages published to pub/sub components."),
            Map.entry("dapr_component_pubsub_egress_latencies", "Publish latency in ms."),
            Map.entry("dapr_component_pubsub_ingress_count", "Pub/sub messages delivered to the app, by its verdict."),
            Map.entry("dapr_component_pubsub_ingress_latencies", "Pub/sub delivery latency to the app in ms."),
            Map.entry("dapr_component_input_binding_count", "Input binding events delivered to the app."),
            Map.entry("dapr_component_input_binding_latencies", "Input binding delivery latency to the app in ms."),
            Map.entry("dapr_resiliency_activations", "Times a resiliency policy acted: a timeout fired, a retry ran, "
                    + "a circuit breaker refused a call."));
    private static final Set<String> VERBS = Set.of("GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS",
            "CONNECT", "TRACE");

    private final PrometheusMeterRegistry registry;
    private final String appId;
    private final String namespace;
    private final MetricSpec spec;
    private final HttpPathLabel paths;
    private final double[] latencyBuckets;
    private final Map<List<String>, LongAdder> counts = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc;

    private DaprMetrics(PrometheusMeterRegistry registry, String appId, String namespace, MetricSpec spec) {
        this.registry = registry;
        this.appId = requireNonNull(appId, "appId");
        this.namespace = requireNonNull(namespace, "namespace");
        this.spec = requireNonNull(spec, "spec");
        this.paths = new HttpPathLabel(spec);
        this.latencyBuckets = spec.latencyBuckets().isEmpty()
                ? DEFAULT_LATENCY_BUCKETS
                : spec.latencyBuckets().stream().mapToDouble(Double::doubleValue).toArray();
        if (registry == null) {
            gc = null;
            return;
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    /** Records nothing and serves nothing. */
    public static DaprMetrics disabled() {
        return new DaprMetrics(null, "", "", MetricSpec.DEFAULT);
    }

    /** Metrics for {@code appId}, or {@link #disabled()} when {@code spec} turns them off. */
    public static DaprMetrics create(String appId, String namespace, MetricSpec spec) {
        return spec.enabled()
                ? new DaprMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), appId, namespace, spec)
                : disabled();
    }

    public boolean enabled() {
        return registry != null;
    }

    /** Everything recorded, in the Prometheus text format. */
    public String scrape() {
        return registry == null ? "" : registry.scrape();
    }

    /** One request answered by the HTTP API; {@code route} is the matched route pattern or empty. */
    public void httpServerRequest(String method, String rawPath, String route, int status, long requestBytes,
            long responseBytes, long nanos) {
        if (registry == null) {
            return;
        }
        String[] tags = {"app_id", appId, "method", spec.excludeVerbs() ? "" : VERBS.contains(method) ? method : "UNKNOWN",
                "path", paths.label(rawPath, route), "status", Integer.toString(status)};
        count("dapr_http_server_request_count", tags);
        if (spec.increasedCardinality()) {
            count("dapr_http_server_response_count", tags);
        }
        histogram("dapr_http_server_latency", latencyBuckets, millis(nanos), tags);
        histogram("dapr_http_server_request_bytes", SIZE_BUCKETS, Math.max(0, requestBytes), "app_id", appId);
        histogram("dapr_http_server_response_bytes", SIZE_BUCKETS, Math.max(0, responseBytes), "app_id", appId);
    }

    /** One RPC completed by a gRPC server; {@code method} is the full {@code /package.Service/Method}. */
    public void grpcServerRpc(String method, io.grpc.Status.Code code, long receivedBytes, long sentBytes, long nanos) {
        if (registry == null) {
            return;
        }
        String[] tags = {"app_id", appId, "grpc_server_method", method, "grpc_server_status", goName(code)};
        count("dapr_grpc_io_server_completed_rpcs", tags);
        histogram("dapr_grpc_io_server_server_latency", latencyBuckets, millis(nanos), tags);
        histogram("dapr_grpc_io_server_received_bytes_per_rpc", SIZE_BUCKETS, Math.max(0, receivedBytes),
                "app_id", appId, "grpc_server_method", method);
        histogram("dapr_grpc_io_server_sent_bytes_per_rpc", SIZE_BUCKETS, Math.max(0, sentBytes),
                "app_id", appId, "grpc_server_method", method);
    }

    /** This sidecar sent an invocation to the sidecar of {@code dstAppId}. */
    public void invocationRequestSent(String dstAppId) {
        total("dapr_runtime_service_invocation_req_sent", "app_id", appId, "dst_app_id", dstAppId, "type", "unary");
    }

    /** The sidecar of {@code srcAppId} answered an invocation with {@code status}. */
    public void invocationResponseReceived(String srcAppId, int status, long nanos) {
        if (registry == null) {
            return;
        }
        String code = Integer.toString(status);
        total("dapr_runtime_service_invocation_res_recv", "app_id", appId, "src_app_id", srcAppId, "status", code,
                "type", "unary");
        histogram("dapr_runtime_service_invocation_res_recv_latency_ms", latencyBuckets, millis(nanos),
                "app_id", appId, "src_app_id", srcAppId, "status", code);
    }

    /** The sidecar of {@code srcAppId} forwarded an invocation to this sidecar's app. */
    public void invocationRequestReceived(String srcAppId) {
        total("dapr_runtime_service_invocation_req_recv", "app_id", appId, "src_app_id", srcAppId);
    }

    /** This sidecar answered a forwarded invocation from {@code dstAppId} with {@code status}. */
    public void invocationResponseSent(String dstAppId, int status) {
        total("dapr_runtime_service_invocation_res_sent", "app_id", appId, "dst_app_id", dstAppId,
                "status", Integer.toString(status));
    }

    /** Runs one state store call, counting it and its latency by outcome; {@code operation} is daprd's name. */
    public <T> T state(String component, String operation, Supplier<T> call) {
        return componentCall("state", component, "operation", operation, call);
    }

    /**
     * Runs one call of a component of {@code family} ({@code secret}, {@code output_binding}, {@code configuration},
     * …: daprd's {@code dapr_component_<family>_count} / {@code _latencies}), labelled {@code label=value}
     * ({@code operation}, or {@code topic} for {@code pubsub_egress}) and by outcome.
     */
    public <T> T componentCall(String family, String component, String label, String value, Supplier<T> call) {
        if (registry == null) {
            return call.get();
        }
        long start = System.nanoTime();
        boolean success = false;
        try {
            T result = call.get();
            success = true;
            return result;
        } finally {
            String[] tags = {"app_id", appId, "component", component, "namespace", namespace, label, value,
                    "success", Boolean.toString(success)};
            count("dapr_component_" + family + "_count", tags);
            histogram("dapr_component_" + family + "_latencies", latencyBuckets, millis(System.nanoTime() - start), tags);
        }
    }

    /** A pub/sub message delivered to the app; {@code processStatus} is its verdict: success, retry or drop. */
    public void pubsubIngress(String component, String topic, String processStatus, long nanos) {
        if (registry == null) {
            return;
        }
        String[] tags = {"app_id", appId, "component", component, "namespace", namespace, "process_status", processStatus,
                "topic", topic};
        count("dapr_component_pubsub_ingress_count", tags);
        histogram("dapr_component_pubsub_ingress_latencies", latencyBuckets, millis(nanos), tags);
    }

    /** One call from the sidecar to its HTTP app (invocation, delivery, discovery) and its answer. */
    public void httpClient(String method, int status, long sentBytes, long receivedBytes, long nanos) {
        if (registry == null) {
            return;
        }
        String[] tags = {"app_id", appId, "method", method, "path", "", "status", Integer.toString(status)};
        count("dapr_http_client_completed_count", tags);
        histogram("dapr_http_client_roundtrip_latency", latencyBuckets, millis(nanos), tags);
        histogram("dapr_http_client_sent_bytes", SIZE_BUCKETS, sentBytes, "app_id", appId, "method", method, "path", "");
        histogram("dapr_http_client_received_bytes", SIZE_BUCKETS, receivedBytes, tags);
    }

    /** One gRPC call from the sidecar to its gRPC app; {@code method} is the full method name. */
    public void grpcClient(String method, io.grpc.Status.Code code, long sentBytes, long receivedBytes, long nanos) {
        if (registry == null) {
            return;
        }
        String[] tags = {"app_id", appId, "grpc_client_method", method, "grpc_client_status", goName(code)};
        count("dapr_grpc_io_client_completed_rpcs", tags);
        histogram("dapr_grpc_io_client_roundtrip_latency", latencyBuckets, millis(nanos), tags);
        histogram("dapr_grpc_io_client_sent_bytes_per_rpc", SIZE_BUCKETS, sentBytes, tags);
        histogram("dapr_grpc_io_client_received_bytes_per_rpc", SIZE_BUCKETS, receivedBytes, tags);
    }

    /** An input binding event delivered to the app. */
    public void inputBinding(String component, boolean success, long nanos) {
        if (registry == null) {
            return;
        }
        String[] tags = {"app_id", appId, "component", component, "namespace", namespace, "success", Boolean.toString(success)};
        count("dapr_component_input_binding_count", tags);
        histogram("dapr_component_input_binding_latencies", latencyBuckets, millis(nanos), tags);
    }

    /** Like {@link #state(String, String, Supplier)} for a call without a result. */
    public void state(String component, String operation, Runnable call) {
        state(component, operation, () -> {
            call.run();
            return null;
        });
    }

    /** A component was created and initialised; {@code type} is its {@code spec.type}. */
    public void componentInitialized(String type) {
        count("dapr_runtime_component_loaded", "app_id", appId);
        total("dapr_runtime_component_init", "app_id", appId, "component", type);
    }

    /** A component failed; {@code reason} is {@code creation} (unknown type or version) or {@code init}. */
    public void componentInitFailed(String type, String reason, String name) {
        total("dapr_runtime_component_init_fail", "app_id", appId, "component", type, "reason", reason,
                "componentName", name);
    }

    /** A Resiliency resource named {@code name} was loaded. */
    public void resiliencyLoaded(String name) {
        count("dapr_resiliency_loaded", "app_id", appId, "name", name, "namespace", namespace);
    }

    /**
     * A policy acted on {@code target} ({@code app_<id>}, {@code component_<name>}, {@code actor_<type>}).
     *
     * @param policy {@code timeout}, {@code retry} or {@code circuitbreaker}
     * @param status the breaker's state for {@code circuitbreaker} ({@code open}, {@code half-open}), else empty
     */
    public void resiliencyActivated(String name, String policy, String direction, String target, String status) {
        total("dapr_resiliency_activations", "app_id", appId, "name", name, "namespace", namespace, "policy", policy,
                "flow_direction", direction, "target", target, "status", status);
    }

    private void count(String name, String... tags) {
        if (registry == null) {
            return;
        }
        List<String> key = new java.util.ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(List.of(tags));
        counts.computeIfAbsent(key, k -> {
            LongAdder adder = new LongAdder();
            Gauge.builder(name, adder, LongAdder::sum).description(HELP.get(name)).tags(tags).strongReference(true).register(registry);
            return adder;
        }).increment();
    }

    /** A counter; the exposition adds {@code _total} to {@code name}. */
    private void total(String name, String... tags) {
        if (registry != null) {
            Counter.builder(name).description(HELP.get(name)).tags(tags).register(registry).increment();
        }
    }

    private void histogram(String name, double[] buckets, double value, String... tags) {
        DistributionSummary.builder(name).description(HELP.get(name)).serviceLevelObjectives(buckets).tags(tags).register(registry).record(value);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** grpc-go's spelling of a status code, which daprd puts in {@code grpc_server_status}: {@code NotFound}. */
    static String goName(io.grpc.Status.Code code) {
        if (code == io.grpc.Status.Code.CANCELLED) {
            return "Canceled";
        }
        StringBuilder sb = new StringBuilder();
        for (String word : code.name().split("_")) {
            sb.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return code == io.grpc.Status.Code.OK ? "OK" : sb.toString();
    }

    @Override
    public void close() {
        if (registry != null) {
            gc.close();
            registry.close();
        }
    }
}

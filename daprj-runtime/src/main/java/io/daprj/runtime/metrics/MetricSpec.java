package io.daprj.runtime.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration {@code spec.metric} (alias {@code spec.metrics}): what daprj reads of it.
 *
 * @param enabled {@code enabled}, default true
 * @param increasedCardinality {@code http.increasedCardinality}, default false: the {@code path} label is the matched
 *     route pattern; when true it is daprd's legacy trimmed request path
 * @param pathMatching {@code http.pathMatching}: patterns such as {@code /v1.0/invoke/{id}/method/orders/{orderId}}
 *     that a request path is reported as when it matches one
 * @param excludeVerbs {@code http.excludeVerbs}: the {@code method} label is left empty
 * @param latencyBuckets {@code latencyDistributionBuckets} in ms; empty for daprd's defaults
 */
public record MetricSpec(boolean enabled, boolean increasedCardinality, List<String> pathMatching, boolean excludeVerbs,
        List<Double> latencyBuckets) {

    public static final MetricSpec DEFAULT = new MetricSpec(true, false, List.of(), false, List.of());

    public MetricSpec {
        pathMatching = List.copyOf(pathMatching);
        latencyBuckets = List.copyOf(latencyBuckets);
    }

    /** Reads a {@code spec.metric} node; a missing node gives {@link #DEFAULT}. */
    public static MetricSpec parse(JsonNode metric) {
        if (metric == null || !metric.isObject()) {
            return DEFAULT;
        }
        JsonNode http = metric.path("http");
        List<String> paths = new ArrayList<>();
        http.path("pathMatching").forEach(p -> paths.add(p.asText()));
        List<Double> buckets = new ArrayList<>();
        metric.path("latencyDistributionBuckets").forEach(b -> buckets.add(b.asDouble()));
        return new MetricSpec(!metric.has("enabled") || asBoolean(metric.get("enabled")),
                asBoolean(http.get("increasedCardinality")), paths, asBoolean(http.get("excludeVerbs")),
                buckets.stream().sorted().distinct().toList());
    }

    private static boolean asBoolean(JsonNode node) {
        return node != null && (node.asBoolean(false) || "true".equalsIgnoreCase(node.asText()));
    }
}

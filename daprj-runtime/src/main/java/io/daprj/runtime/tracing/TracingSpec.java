package io.daprj.runtime.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import io.daprj.spi.GoDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configuration {@code spec.tracing}: {@code samplingRate} (a fraction from "0" to "1"; 0, the default, is off),
 * {@code stdout}, {@code zipkin.endpointAddress}, {@code otel.{endpointAddress, protocol (grpc|http), isSecure,
 * headers, timeout}}. The standard {@code OTEL_EXPORTER_OTLP_*} variables fill in an OTLP exporter the
 * Configuration does not name.
 */
public record TracingSpec(double samplingRate, boolean stdout, Optional<String> zipkinEndpoint,
        Optional<Otlp> otlp) {

    /** Tracing off. */
    public static final TracingSpec OFF = new TracingSpec(0, false, Optional.empty(), Optional.empty());

    /**
     * An OTLP exporter.
     *
     * @param endpoint {@code host:port} or a URL; for HTTP the path {@code /v1/traces} is added when absent
     * @param grpc OTLP over gRPC, else over HTTP with protobuf bodies
     */
    public record Otlp(String endpoint, boolean grpc, boolean secure, Map<String, String> headers, Duration timeout) {

        /** The URL spans are sent to. */
        public String url() {
            String base = endpoint.contains("://") ? endpoint : (secure ? "https://" : "http://") + endpoint;
            if (grpc) {
                return base.replaceAll("/+$", "") + "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
            }
            return base.matches("^[a-z]+://[^/]+/?$") ? base.replaceAll("/+$", "") + "/v1/traces" : base;
        }
    }

    public boolean enabled() {
        return samplingRate > 0;
    }

    /**
     * Reads {@code spec.tracing} (missing: off) and the environment.
     *
     * @throws IllegalArgumentException for a sampling rate that is not a number from 0 to 1
     */
    public static TracingSpec parse(JsonNode tracing, Function<String, Optional<String>> env) {
        String rateText = tracing.path("samplingRate").asText("");
        Optional<Otlp> otlp = otlp(tracing.path("otel"), env);
        double rate;
        if (!rateText.isBlank()) {
            rate = rate(rateText);
        } else if (otlp.isPresent() && env.apply("OTEL_EXPORTER_OTLP_ENDPOINT").isPresent()) {
            rate = env.apply("OTEL_TRACES_SAMPLER_ARG").map(TracingSpec::rate).orElse(1.0);
        } else {
            rate = 0;
        }
        String zipkin = tracing.path("zipkin").path("endpointAddress").asText("");
        return new TracingSpec(rate, tracing.path("stdout").asBoolean(false),
                zipkin.isBlank() ? Optional.empty() : Optional.of(zipkin), otlp);
    }

    private static Optional<Otlp> otlp(JsonNode otel, Function<String, Optional<String>> env) {
        String endpoint = otel.path("endpointAddress").asText("");
        if (endpoint.isBlank()) {
            endpoint = env.apply("OTEL_EXPORTER_OTLP_ENDPOINT").orElse("");
            if (endpoint.isBlank()) {
                return Optional.empty();
            }
            boolean grpc = !env.apply("OTEL_EXPORTER_OTLP_PROTOCOL").orElse("grpc").startsWith("http");
            boolean insecure = env.apply("OTEL_EXPORTER_OTLP_INSECURE").map(Boolean::parseBoolean).orElse(!endpoint.startsWith("https"));
            return Optional.of(new Otlp(endpoint, grpc, !insecure, headers(env.apply("OTEL_EXPORTER_OTLP_HEADERS").orElse("")),
                    Duration.ofSeconds(10)));
        }
        String protocol = otel.path("protocol").asText("grpc");
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode h : otel.path("headers")) {
            headers.put(h.path("name").asText(), h.path("value").asText());
        }
        String timeout = otel.path("timeout").asText("");
        return Optional.of(new Otlp(endpoint, !protocol.equalsIgnoreCase("http"), otel.path("isSecure").asBoolean(false),
                headers, timeout.isBlank() ? Duration.ofSeconds(10) : GoDuration.parse(timeout)));
    }

    private static Map<String, String> headers(String list) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String pair : list.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                headers.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return headers;
    }

    private static double rate(String text) {
        try {
            double rate = Double.parseDouble(text.trim());
            if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
                throw new IllegalArgumentException("tracing samplingRate must be from 0 to 1, not " + text);
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tracing samplingRate must be a number, not '" + text + "'");
        }
    }
}

package io.daprj.runtime.resiliency;

import com.fasterxml.jackson.databind.JsonNode;
import io.daprj.spi.GoDuration;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A named retry policy: {@code policy} constant (every {@code duration}, default 5s) or exponential (from 500 ms,
 * times 1.5 per retry with ±50 % jitter, at most {@code maxInterval}, default 60s), up to {@code maxRetries} retries
 * ({@code -1}, the default, = no limit; 0 = none), only for failures whose status code is listed in {@code matching}.
 */
public record RetrySpec(boolean exponential, Duration duration, Duration maxInterval, int maxRetries,
        StatusCodeSet httpCodes, StatusCodeSet grpcCodes) {

    private static final Duration INITIAL_EXPONENTIAL = Duration.ofMillis(500);
    private static final double MULTIPLIER = 1.5;

    /** Dapr's built-in retries for sidecar-to-sidecar calls ({@code DaprBuiltInServiceRetries}): 1 s apart, 3 times. */
    public static final RetrySpec BUILT_IN_SERVICE =
            new RetrySpec(false, Duration.ofSeconds(1), Duration.ofSeconds(60), 3, StatusCodeSet.ALL, StatusCodeSet.ALL);

    /** Parses one entry of {@code spec.policies.retries}. */
    public static RetrySpec parse(JsonNode node) {
        String policy = node.path("policy").asText("constant");
        if (!policy.equals("constant") && !policy.equals("exponential")) {
            throw new IllegalArgumentException("retry policy must be constant or exponential, not '" + policy + "'");
        }
        JsonNode matching = node.has("matching") ? node.path("matching") : node.path("matches");
        return new RetrySpec(policy.equals("exponential"),
                duration(node, "duration", Duration.ofSeconds(5)),
                duration(node, "maxInterval", Duration.ofSeconds(60)),
                node.path("maxRetries").asInt(-1),
                StatusCodeSet.parse(matching.path("httpStatusCodes").asText(""), 100, 599),
                StatusCodeSet.parse(matching.path("gRPCStatusCodes").asText(""), 0, 16));
    }

    /** Whether a retry may follow the {@code retriesSoFar}-th retry. */
    public boolean allowsAnother(int retriesSoFar) {
        return maxRetries < 0 || retriesSoFar < maxRetries;
    }

    /** Whether this policy retries {@code failure}. */
    public boolean matches(Failure failure) {
        return switch (failure.kind()) {
            case PERMANENT -> false;
            case OTHER -> true;
            case HTTP -> httpCodes.contains(failure.code());
            case GRPC -> grpcCodes.contains(failure.code());
        };
    }

    /** The wait before retry number {@code retry} (0-based). */
    public Duration delay(int retry) {
        if (!exponential) {
            return duration;
        }
        double base = INITIAL_EXPONENTIAL.toMillis() * Math.pow(MULTIPLIER, Math.min(retry, 60));
        double jittered = base * ThreadLocalRandom.current().nextDouble(0.5, 1.5);
        return Duration.ofMillis((long) Math.min(jittered, maxInterval.toMillis()));
    }

    static Duration duration(JsonNode node, String field, Duration fallback) {
        String text = node.path(field).asText("");
        return text.isBlank() ? fallback : GoDuration.parse(text);
    }
}

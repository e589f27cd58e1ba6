package io.daprj.runtime.pubsub;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The W3C trace context a published event carries ({@code traceparent}, {@code tracestate}): the caller's, or a new
 * unsampled one, as daprd's publish span gives when tracing is off.
 */
public record TraceContext(String traceParent, String traceState) {

    /**
     * The context of the current span when there is one (the API call's span, which continues the caller's), else
     * the caller's context when it sent a {@code traceparent}, else a fresh one.
     */
    public static TraceContext fromCaller(String traceParent, String traceState) {
        java.util.Optional<String> current = io.daprj.runtime.tracing.Tracing.currentTraceParent();
        if (current.isPresent()) {
            return new TraceContext(current.get(), io.daprj.runtime.tracing.Tracing.currentTraceState()
                    .orElse(traceState == null ? "" : traceState.trim()));
        }
        String parent = traceParent == null || traceParent.isBlank() ? newTraceParent() : traceParent.trim();
        return new TraceContext(parent, traceState == null ? "" : traceState.trim());
    }

    private static String newTraceParent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return "00-" + hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong()) + "-"
                + hex.toHexDigits(random.nextLong()) + "-00";
    }
}

package io.daprj.runtime.tracing;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.Optional;
import java.util.regex.Pattern;

/** W3C trace context headers: {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}) and {@code tracestate}. */
public final class W3c {

    private static final Pattern TRACE_PARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$");

    private W3c() {}

    /** The context a {@code traceparent} (and {@code tracestate}) describes; empty when it is missing or malformed. */
    public static Optional<SpanContext> parse(String traceParent, String traceState) {
        if (traceParent == null) {
            return Optional.empty();
        }
        var m = TRACE_PARENT.matcher(traceParent.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches() || m.group(0).startsWith("ff")) {
            return Optional.empty();
        }
        SpanContext context = SpanContext.createFromRemoteParent(m.group(1), m.group(2),
                TraceFlags.fromHex(m.group(3), 0), parseState(traceState));
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }

    public static String traceParent(SpanContext context) {
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    public static String traceState(TraceState state) {
        StringBuilder sb = new StringBuilder();
        state.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    private static TraceState parseState(String header) {
        if (header == null || header.isBlank()) {
            return TraceState.getDefault();
        }
        var builder = TraceState.builder();
        for (String member : header.split(",")) {
            int eq = member.indexOf('=');
            if (eq > 0) {
                builder.put(member.substring(0, eq).trim(), member.substring(eq + 1).trim());
            }
        }
        return builder.build();
    }
}

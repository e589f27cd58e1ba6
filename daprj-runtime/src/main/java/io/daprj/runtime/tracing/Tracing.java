package io.daprj.runtime.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One sidecar's tracer. {@link #inSpan} runs a piece of work in a span whose parent is the caller's
 * {@code traceparent} (or the span already current on the thread), with the span current meanwhile, so that
 * {@link #currentTraceParent()} gives what to send on. When tracing is {@linkplain #OFF off}, no span is recorded and
 * the caller's context is what stays current: it reaches the next hop unchanged, as daprd passes it.
 */
public final class Tracing implements AutoCloseable {

    /** No recording, no export: context passes through. */
    public static final Tracing OFF = new Tracing(null);

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final SdkTracerProvider provider;
    private final Tracer tracer;

    private Tracing(SdkTracerProvider provider) {
        this.provider = provider;
        this.tracer = provider == null ? null : provider.get("daprj");
    }

    /** The tracer {@code spec} asks for, exporting as app {@code appId}. */
    public static Tracing create(TracingSpec spec, String appId) {
        if (!spec.enabled()) {
            return OFF;
        }
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(SERVICE_NAME, appId)))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(spec.samplingRate())));
        spec.otlp().ifPresent(o -> builder.addSpanProcessor(batch(HttpSpanExporter.otlp(o))));
        spec.zipkinEndpoint().ifPresent(z -> builder.addSpanProcessor(batch(HttpSpanExporter.zipkin(z))));
        if (spec.stdout()) {
            builder.addSpanProcessor(batch(new LogSpanExporter()));
        }
        return new Tracing(builder.build());
    }

    private static BatchSpanProcessor batch(io.opentelemetry.sdk.trace.export.SpanExporter exporter) {
        return BatchSpanProcessor.builder(exporter).setScheduleDelay(Duration.ofSeconds(1)).build();
    }

    public boolean enabled() {
        return tracer != null;
    }

    /**
     * Runs {@code work} in a span named {@code name}.
     *
     * @param traceParent the caller's {@code traceparent}, or null/blank to continue the current span (or start a trace)
     * @param attributes span attributes (Dapr's names)
     */
    public <T> T inSpan(String name, SpanKind kind, String traceParent, String traceState,
            Map<String, String> attributes, Supplier<T> work) {
        Span span = start(name, kind, traceParent, traceState);
        attributes.forEach(span::setAttribute);
        try (Scope scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }

    private Span start(String name, SpanKind kind, String traceParent, String traceState) {
        Optional<SpanContext> remote = traceParent == null || traceParent.isBlank()
                ? Optional.empty() : W3c.parse(traceParent, traceState);
        if (tracer == null) {
            return remote.map(Span::wrap).orElse(Span.current());
        }
        Context parent = remote.map(c -> Context.root().with(Span.wrap(c))).orElse(Context.current());
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }

    /** Marks the current span failed (an error answer, say), when one is recording. */
    public static void failCurrent(String description) {
        Span.current().setStatus(StatusCode.ERROR, description);
    }

    /** The {@code traceparent} for the next hop: the current span's context, when there is one. */
    public static Optional<String> currentTraceParent() {
        SpanContext c = Span.current().getSpanContext();
        return c.isValid() ? Optional.of(W3c.traceParent(c)) : Optional.empty();
    }

    /** The current span's {@code tracestate}, when there is a current span and it has one. */
    public static Optional<String> currentTraceState() {
        SpanContext c = Span.current().getSpanContext();
        return c.isValid() && !c.getTraceState().isEmpty() ? Optional.of(W3c.traceState(c.getTraceState())) : Optional.empty();
    }

    /** Flushes the spans not yet exported, within 5 s. */
    @Override
    public void close() {
        if (provider != null) {
            provider.shutdown().join(5, TimeUnit.SECONDS);
        }
    }
}

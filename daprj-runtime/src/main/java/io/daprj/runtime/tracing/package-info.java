/**
 * Distributed tracing: W3C {@code traceparent}/{@code tracestate} accepted, created and passed on; spans for API
 * calls, sidecar-to-sidecar invocation, calls to the app and pub/sub deliveries, exported over OTLP (HTTP or gRPC)
 * and Zipkin, as Configuration {@code spec.tracing} or the {@code OTEL_*} variables say.
 *
 * <p>{@link io.daprj.runtime.tracing.Tracing} is one sidecar's tracer; spans are made with the OpenTelemetry SDK
 * (sampling, batching), while the OTLP and Zipkin wire formats are written here so the sidecar carries no second
 * protobuf or HTTP stack. With tracing off no SDK is started and the caller's context passes through unchanged.
 */
package io.daprj.runtime.tracing;

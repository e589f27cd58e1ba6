package io.daprj.runtime.invoke;

import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import io.daprj.runtime.metrics.DaprMetrics;
import io.daprj.runtime.resiliency.CircuitBreaker;
import io.daprj.runtime.resiliency.Failure;
import io.daprj.runtime.resiliency.Policy;
import io.daprj.runtime.resiliency.Resiliency;
import io.daprj.runtime.resiliency.RetrySpec;
import io.daprj.runtime.tracing.Tracing;
import io.daprj.spi.nameresolution.Instance;
import io.daprj.spi.nameresolution.NameResolver;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.opentelemetry.api.trace.SpanKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service invocation: a call for this sidecar's own app id goes straight to the app channel; any other app id is
 * resolved with the name resolver and sent to that app's sidecar, which delivers it to its app.
 */
public final class InvokeApi {

    private static final Logger log = LoggerFactory.getLogger(InvokeApi.class);
    private static final int ATTEMPTS = 3;

    private final String appId;
    private final String namespace;
    private final Optional<AppChannel> appChannel;
    private final BooleanSupplier appHealthy;
    private final Optional<NameResolver> resolver;
    private final InternalInvokeClient client;
    private final DaprMetrics metrics;
    private final Resiliency resiliency;
    private final Tracing tracing;

    public InvokeApi(String appId, String namespace, Optional<AppChannel> appChannel, BooleanSupplier appHealthy,
            Optional<NameResolver> resolver, InternalInvokeClient client) {
        this(appId, namespace, appChannel, appHealthy, resolver, client, DaprMetrics.disabled());
    }

    /** Like the other constructor, recording calls to and from other sidecars in {@code metrics}. */
    public InvokeApi(String appId, String namespace, Optional<AppChannel> appChannel, BooleanSupplier appHealthy,
            Optional<NameResolver> resolver, InternalInvokeClient client, DaprMetrics metrics) {
        this(appId, namespace, appChannel, appHealthy, resolver, client, metrics, Resiliency.NONE, Tracing.OFF);
    }

    /** Like the other constructors, with the resiliency policies of the app targets, and spans for each hop. */
    public InvokeApi(String appId, String namespace, Optional<AppChannel> appChannel, BooleanSupplier appHealthy,
            Optional<NameResolver> resolver, InternalInvokeClient client, DaprMetrics metrics, Resiliency resiliency,
            Tracing tracing) {
        this.resiliency = resiliency;
        this.tracing = tracing;
        this.metrics = metrics;
        this.appId = appId;
        this.namespace = namespace;
        this.appChannel = appChannel;
        this.appHealthy = appHealthy;
        this.resolver = resolver;
        this.client = client;
    }

    /**
     * Invokes {@code target} ({@code appId} or {@code appId.namespace}) for this sidecar's app, under the resiliency
     * policy of that app: a non-2xx answer or a failed call counts as a failure for its retries and circuit breaker,
     * and when retries run out the last answer is returned.
     */
    public InvokeResponse invoke(String target, InvokeRequest request) {
        int dot = target.lastIndexOf('.');
        String targetId = dot > 0 ? target.substring(0, dot) : target;
        String targetNamespace = dot > 0 ? target.substring(dot + 1) : namespace;
        try {
            return resiliency.app(targetId).call(() -> invokeOnce(target, targetId, targetNamespace, request),
                    response -> response.ok() ? null : Failure.http(response.status()),
                    e -> Failure.OTHER);
        } catch (Policy.TimeoutExceededException | CircuitBreaker.OpenException e) {
            throw failed(target, e.getMessage());
        }
    }

    private InvokeResponse invokeOnce(String target, String targetId, String targetNamespace, InvokeRequest request) {
        if (targetId.equals(appId) && targetNamespace.equals(namespace)) {
            return toApp(appId, namespace, request);
        }
        NameResolver names = resolver.orElseThrow(() -> failed(target, "no name resolver is configured"));
        // Dapr's built-in retries of an unreachable sidecar, off when the target has a resiliency policy of its own
        Optional<RetrySpec> builtIn = resiliency.builtInServiceRetries();
        // (an override may give more retries than the built-in ones, never fewer: Dapr's rule)
        int attempts = resiliency.hasAppTarget(targetId) ? 1 : builtIn
                .map(r -> r.maxRetries() < 0 ? Integer.MAX_VALUE : Math.max(ATTEMPTS, r.maxRetries() + 1))
                .orElse(ATTEMPTS);
        StatusRuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Instance instance = names.resolve(targetId, targetNamespace)
                    .orElseThrow(() -> failed(target, "couldn't find service: " + target));
            long start = System.nanoTime();
            metrics.invocationRequestSent(targetId);
            try {
                InvokeResponse response = tracing.inSpan("/dapr.proto.internals.v1.ServiceInvocation/CallLocal",
                        SpanKind.CLIENT, null, null, Map.of("rpc.system", "grpc", "rpc.service", "ServiceInvocation",
                                "net.peer.name", targetId), () -> client.invoke(instance, targetId, withTraceContext(request)));
                metrics.invocationResponseReceived(targetId, response.status(), System.nanoTime() - start);
                return response;
            } catch (StatusRuntimeException e) {
                metrics.invocationResponseReceived(targetId, e.getStatus().getCode().value(), System.nanoTime() - start);
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
                    throw failed(target, describe(e));
                }
                last = e;
                log.debug("sidecar of {} at {} unavailable (attempt {}): {}", target, instance.address(), attempt, e.toString());
                if (attempt < attempts) {
                    sleep(builtIn.map(r -> r.delay(0).toMillis()).orElse(100L * attempt));
                }
            }
        }
        throw failed(target, describe(last));
    }

    /** A call that another sidecar forwarded for this sidecar's app. */
    InvokeResponse fromOtherSidecar(String targetId, String callerAppId, String callerNamespace, InvokeRequest request) {
        metrics.invocationRequestReceived(callerAppId);
        if (!targetId.equals(appId)) {
            metrics.invocationResponseSent(callerAppId, 404);
            throw DaprError.ERR_DIRECT_INVOKE.with("failed to invoke, id: " + targetId + ", err: this sidecar serves "
                    + appId, 404, Status.Code.NOT_FOUND);
        }
        try {
            InvokeResponse response = tracing.inSpan("CallLocal/" + appId + "/" + request.method(), SpanKind.SERVER,
                    request.headers().first("traceparent"), request.headers().first("tracestate"),
                    Map.of("rpc.system", "grpc", "rpc.service", "ServiceInvocation"),
                    () -> toApp(callerAppId, callerNamespace, request));
            metrics.invocationResponseSent(callerAppId, response.status());
            return response;
        } catch (DaprException e) {
            metrics.invocationResponseSent(callerAppId, e.httpStatus());
            throw e;
        }
    }

    private InvokeResponse toApp(String callerAppId, String callerNamespace, InvokeRequest request) {
        AppChannel channel = appChannel.orElseThrow(() -> failed(appId, "app channel is not initialized"));
        if (!appHealthy.getAsBoolean()) {
            throw failed(appId, "app is not in a healthy state");
        }
        Map<String, String> added = new LinkedHashMap<>();
        added.put("dapr-caller-app-id", callerAppId);
        added.put("dapr-callee-app-id", appId);
        if (!callerNamespace.isEmpty()) {
            added.put("dapr-caller-namespace", callerNamespace);
        }
        added.put("x-forwarded-host", "127.0.0.1");
        added.put("forwarded", "by=" + appId + ";host=127.0.0.1");
        Tracing.currentTraceParent().ifPresent(t -> added.put("traceparent", t));
        Tracing.currentTraceState().ifPresent(t -> added.put("tracestate", t));
        try {
            return channel.invoke(request.withHeaders(request.headers().with(added)));
        } catch (DaprException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(appId, String.valueOf(rootMessage(e)));
        }
    }

    /** The request with the current span's context as its {@code traceparent}/{@code tracestate}. */
    private static InvokeRequest withTraceContext(InvokeRequest request) {
        Map<String, String> trace = new LinkedHashMap<>();
        Tracing.currentTraceParent().ifPresent(t -> trace.put("traceparent", t));
        Tracing.currentTraceState().ifPresent(t -> trace.put("tracestate", t));
        return trace.isEmpty() ? request : request.withHeaders(request.headers().with(trace));
    }

    private static DaprException failed(String target, String why) {
        return DaprError.ERR_DIRECT_INVOKE.with("failed to invoke, id: " + target + ", err: " + why);
    }

    private static String describe(StatusRuntimeException e) {
        String description = e.getStatus().getDescription();
        return e.getStatus().getCode() + (description == null ? "" : ": " + description);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.daprj.runtime.metrics;

import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.logging.RequestLog;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import io.grpc.Status;

/** Armeria decorators that record one metric sample per request once its log is complete. */
public final class ServerMetricsDecorators {

    private ServerMetricsDecorators() {}

    /** For the HTTP API server: daprd's {@code dapr_http_server_*}. */
    public static DecoratingHttpServiceFunction http(DaprMetrics metrics) {
        return (delegate, ctx, req) -> {
            if (metrics.enabled()) {
                ctx.log().whenComplete().thenAccept(log -> {
                    String route = ctx.attr(DaprMetrics.ROUTE);
                    metrics.httpServerRequest(ctx.method().name(), ctx.path(), route == null ? "" : route,
                            log.responseHeaders().status().code(), log.requestLength(), log.responseLength(),
                            log.totalDurationNanos());
                });
            }
            return delegate.serve(ctx, req);
        };
    }

    /** For the gRPC API and internal servers: daprd's {@code dapr_grpc_io_server_*}. */
    public static DecoratingHttpServiceFunction grpc(DaprMetrics metrics) {
        return (delegate, ctx, req) -> {
            if (metrics.enabled()) {
                ctx.log().whenComplete().thenAccept(log -> metrics.grpcServerRpc(ctx.path(), status(log),
                        log.requestLength(), log.responseLength(), log.totalDurationNanos()));
            }
            return delegate.serve(ctx, req);
        };
    }

    /** {@code grpc-status} from the trailers, or from the headers of a trailers-only response. */
    private static Status.Code status(RequestLog log) {
        String value = grpcStatus(log.responseTrailers());
        if (value == null) {
            value = grpcStatus(log.responseHeaders());
        }
        try {
            return value == null ? Status.Code.UNKNOWN : Status.fromCodeValue(Integer.parseInt(value)).getCode();
        } catch (NumberFormatException e) {
            return Status.Code.UNKNOWN;
        }
    }

    private static String grpcStatus(HttpHeaders headers) {
        return headers.get("grpc-status");
    }
}

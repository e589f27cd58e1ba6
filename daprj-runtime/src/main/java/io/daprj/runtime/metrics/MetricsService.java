package io.daprj.runtime.metrics;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServerBuilder;
import java.util.concurrent.CompletableFuture;

/** {@code GET /metrics} on {@code --metrics-port}: the Prometheus text of everything {@link DaprMetrics} holds. */
public final class MetricsService {

    private static final MediaType PROMETHEUS_TEXT = MediaType.parse("text/plain; version=0.0.4; charset=utf-8");

    private MetricsService() {}

    /** Adds {@code /metrics} to {@code sb}; scraping runs on the blocking executor, off the event loop. */
    public static void bind(ServerBuilder sb, DaprMetrics metrics) {
        sb.service("/metrics", (ctx, req) -> HttpResponse.of(CompletableFuture.supplyAsync(
                () -> HttpResponse.of(HttpStatus.OK, PROMETHEUS_TEXT, metrics.scrape()), ctx.blockingTaskExecutor())));
    }
}

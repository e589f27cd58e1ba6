package io.daprj.runtime.middleware;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Configuration's {@code httpPipeline} in front of the sidecar's HTTP API. The request is buffered, passed
 * through the middlewares on a blocking-task thread, and then served; the response is buffered for the middlewares
 * to see on its way back.
 *
 * <p>Armeria picks the route before decorators run, so a middleware that changes the method, path or query (such as
 * {@code routeralias}) has its request sent again to this server over loopback, marked with a per-process secret
 * so that it skips the pipeline the second time.
 */
public final class HttpPipelineDecorator implements DecoratingHttpServiceFunction {

    private static final Logger log = LoggerFactory.getLogger(HttpPipelineDecorator.class);
    static final String PASSED_HEADER = "daprj-pipeline-passed";

    private final MiddlewarePipeline pipeline;
    private final byte[] passToken = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
    private final WebClient loopback = WebClient.builder()
            .responseTimeout(Duration.ZERO)
            .maxResponseLength(0)
            .build();

    public HttpPipelineDecorator(MiddlewarePipeline pipeline) {
        this.pipeline = requireNonNull(pipeline, "pipeline");
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        String passed = req.headers().get(PASSED_HEADER);
        if (passed != null) {
            HttpRequest stripped = req.withHeaders(req.headers().toBuilder().removeAndThen(PASSED_HEADER).build());
            if (MessageDigest.isEqual(passToken, passed.getBytes(StandardCharsets.UTF_8))) {
                return delegate.serve(ctx, stripped);
            }
            req = stripped;
        }
        String client = ctx.remoteAddress().getAddress().getHostAddress();
        CompletableFuture<HttpResponse> answer = req.aggregate().thenApplyAsync(aggregated -> {
            MiddlewareRequest request = ArmeriaMessages.request(aggregated, client);
            try {
                return ArmeriaMessages.response(pipeline.handle(request, r -> serveRest(delegate, ctx, aggregated, r)));
            } catch (Exception e) {
                log.warn("HTTP pipeline failed for {} {}: {}", request.method(), request.path(), e.toString());
                return ArmeriaMessages.response(MiddlewareResponse.text(500, "Internal Server Error"));
            }
        }, ctx.blockingTaskExecutor());
        return HttpResponse.of(answer);
    }

    private MiddlewareResponse serveRest(HttpService delegate, ServiceRequestContext ctx, AggregatedHttpRequest original,
            MiddlewareRequest request) {
        InetSocketAddress local = ctx.localAddress();
        HttpRequest rebuilt = ArmeriaMessages.request(request, null);
        String authority = original.headers().authority();
        // the context insists on both pseudo-headers
        HttpRequest next = rebuilt.withHeaders(rebuilt.headers().toBuilder().scheme("http")
                .authority(authority == null ? "127.0.0.1:" + local.getPort() : authority).build());
        boolean sameTarget = original.method().name().equals(request.method()) && original.path().equals(request.requestUri());
        if (!sameTarget) {
            String host = local.getAddress().getHostAddress();
            String self = (host.contains(":") ? "[" + host + "]" : host) + ":" + local.getPort();
            HttpRequest marked = next.withHeaders(next.headers().toBuilder()
                    .scheme("http").authority(self)
                    .set(PASSED_HEADER, new String(passToken, StandardCharsets.UTF_8)).build());
            return ArmeriaMessages.response(loopback.execute(marked).aggregate().join());
        }
        ctx.updateRequest(next);
        return ArmeriaMessages.response(CompletableFuture.supplyAsync(() -> {
            try {
                return delegate.serve(ctx, next);
            } catch (Exception e) {
                return HttpResponse.ofFailure(e);
            }
        }, ctx.eventLoop()).thenCompose(HttpResponse::aggregate).join());
    }
}

package io.daprj.runtime.http;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.daprj.runtime.Apis;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import io.daprj.runtime.errors.ErrorResponses;
import io.daprj.runtime.security.ApiAccess;
import io.daprj.runtime.tracing.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: one Armeria service under {@code /} that aggregates the request, routes it with {@link ApiRouter} and
 * runs the handler on a virtual thread, turning any failure into Dapr's error body.
 */
public final class HttpApiServer implements HttpService {

    private static final Logger log = LoggerFactory.getLogger(HttpApiServer.class);
    private static final Logger apiLog = LoggerFactory.getLogger("daprj.api");

    private final ApiRouter router;
    private final Tracing tracing;
    private final Executor executor;
    private final String appId;
    private final boolean apiLogging;
    private CryptoHttpService crypto;

    private HttpApiServer(ApiRouter router, Executor executor, String appId, boolean apiLogging, Tracing tracing) {
        this.tracing = tracing;
        this.router = router;
        this.executor = executor;
        this.appId = appId;
        this.apiLogging = apiLogging;
    }

    /** Builds the router from the building-block APIs. */
    public static HttpApiServer create(Apis apis, Executor executor, String appId, boolean apiLogging) {
        return create(apis, executor, appId, apiLogging, ApiAccess.ALLOW_ALL, Tracing.OFF);
    }

    /** Builds the router from the building-block APIs, leaving out the routes that {@code access} does not allow. */
    public static HttpApiServer create(Apis apis, Executor executor, String appId, boolean apiLogging, ApiAccess access,
            Tracing tracing) {
        ApiRouter router = new ApiRouter(access::httpAllowed);
        new StateHttpRoutes(apis.state()).register(router);
        new SecretsHttpRoutes(apis.secrets()).register(router);
        new PubSubHttpRoutes(apis.pubsub()).register(router);
        new LockHttpRoutes(apis.lock()).register(router);
        new ConfigurationHttpRoutes(apis.configuration()).register(router);
        new SubtleCryptoHttpRoutes(new io.daprj.runtime.crypto.SubtleCryptoApi(apis.crypto())).register(router);
        new MetadataHttpRoutes(apis.metadata(), apis.health(), apis.shutdown()).register(router);
        new BindingsHttpRoutes(apis.bindings(), appId).register(router);
        new JobsHttpRoutes(apis.jobs()).register(router);
        new InvokeHttpRoutes(apis.invoke()).register(router);
        HttpApiServer server = new HttpApiServer(router, executor, appId, apiLogging, tracing);
        server.crypto = new CryptoHttpService(apis.crypto(), executor, appId);
        return server;
    }

    /** Adds this service, its ports and its error pages to {@code sb}: one port per listen address, or all interfaces. */
    public void bind(ServerBuilder sb, int port, List<String> listenAddresses, long maxBodyBytes) {
        sb.maxRequestLength(maxBodyBytes).errorHandler(new HttpErrorRenderer(appId, maxBodyBytes));
        if (listenAddresses.isEmpty()) {
            sb.port(port, SessionProtocol.HTTP);
        } else {
            listenAddresses.forEach(a -> sb.port(new InetSocketAddress(a, port), SessionProtocol.HTTP));
        }
        crypto.bind(sb);
        sb.serviceUnder("/", this);
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        CompletableFuture<HttpResponse> response = req.aggregate().thenApplyAsync(agg -> {
            String path = ctx.path();
            ApiRouter.Match match = router.match(agg.method().name(), path);
            ctx.setAttr(io.daprj.runtime.metrics.DaprMetrics.ROUTE, match.pattern());
            ApiRequest request = new ApiRequest(agg.method().name(), path, ctx.query() == null ? "" : ctx.query(),
                    match.params(), agg.headers(), agg.content().array());
            String route = match.pattern().isEmpty() ? path : match.pattern();
            ApiResponse answer = tracing.inSpan(route, SpanKind.SERVER, agg.headers().get("traceparent"),
                    agg.headers().get("tracestate"), Map.of("http.request.method", request.method(), "http.route", route),
                    () -> handle(match, request));
            if (apiLogging) {
                apiLog.info("HTTP API Called: {} {} -> {}", request.method(), path, answer.status());
            }
            return answer.toHttp();
        }, executor);
        return HttpResponse.of(response.exceptionally(this::bodyReadFailure));
    }

    private ApiResponse handle(ApiRouter.Match match, ApiRequest request) {
        ApiResponse answer;
        try {
            answer = match.handler().handle(request);
        } catch (RuntimeException e) {
            DaprException dapr = ErrorResponses.toDapr(e);
            answer = ApiResponse.json(dapr.httpStatus(), ErrorResponses.httpBody(dapr, appId));
        }
        if (answer.status() >= 500) {
            Tracing.failCurrent("HTTP " + answer.status());
        }
        return answer;
    }

    /** The body could not be read: over {@code --max-body-size} (413), or the client went away. */
    private HttpResponse bodyReadFailure(Throwable t) {
        Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        log.debug("request body could not be read: {}", cause.toString());
        DaprException dapr = cause instanceof com.linecorp.armeria.common.ContentTooLargeException tooLarge
                ? HttpErrorRenderer.tooLarge(tooLarge.maxContentLength())
                : DaprError.ERR_BODY_READ.with("failed reading the request body: " + cause);
        return ApiResponse.json(dapr.httpStatus(), ErrorResponses.httpBody(dapr, appId)).toHttp();
    }
}

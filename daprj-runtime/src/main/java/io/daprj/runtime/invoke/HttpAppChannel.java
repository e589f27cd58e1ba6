package io.daprj.runtime.invoke;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.HttpRequest;
import io.daprj.runtime.metrics.DaprMetrics;
import io.daprj.runtime.middleware.ArmeriaMessages;
import io.daprj.runtime.middleware.MiddlewarePipeline;
import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The app channel to an HTTP app: the call goes to {@code http://<address>:<port>/<method>?<query>}. */
public final class HttpAppChannel implements AppChannel {

    private final String host;
    private final int port;
    private final WebClient client;
    private final ConcurrencyLimit limit;
    private final Optional<String> appApiToken;
    private final MiddlewarePipeline appPipeline;
    private final DaprMetrics metrics;

    /** @param appApiToken {@code APP_API_TOKEN}, sent to the app as {@code dapr-api-token} */
    public HttpAppChannel(String host, int port, int maxConcurrency, long maxBodyBytes, Optional<String> appApiToken) {
        this(host, port, maxConcurrency, maxBodyBytes, appApiToken, MiddlewarePipeline.EMPTY);
    }

    /** Like the other constructor, every call passing the Configuration's {@code appHttpPipeline} first. */
    public HttpAppChannel(String host, int port, int maxConcurrency, long maxBodyBytes, Optional<String> appApiToken,
            MiddlewarePipeline appPipeline) {
        this(host, port, maxConcurrency, maxBodyBytes, appApiToken, appPipeline, DaprMetrics.disabled());
    }

    /** Like the other constructors, each call to the app counted in daprd's {@code dapr_http_client_*} metrics. */
    public HttpAppChannel(String host, int port, int maxConcurrency, long maxBodyBytes, Optional<String> appApiToken,
            MiddlewarePipeline appPipeline, DaprMetrics metrics) {
        this.metrics = metrics;
        this.appPipeline = appPipeline;
        this.appApiToken = appApiToken;
        this.host = host;
        this.port = port;
        this.client = WebClient.builder("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port)
                .responseTimeout(Duration.ZERO)
                .maxResponseLength(0)
                .build();
        this.limit = new ConcurrencyLimit(maxConcurrency);
    }

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((k, v) -> headers.computeIfAbsent(k, n -> new ArrayList<>()).add(v));
        if (!request.contentType().isEmpty()) {
            headers.put("content-type", List.of(request.contentType()));
        }
        MiddlewareRequest call = new MiddlewareRequest(request.verb().toUpperCase(Locale.ROOT), "/" + request.method(),
                request.query(), headers, request.body(), "");
        MiddlewareResponse response;
        try {
            response = appPipeline.handle(call, this::send);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("appHttpPipeline failed: " + e.getMessage(), e);
        }
        Headers.Builder out = Headers.builder();
        response.headers().forEach((k, values) -> values.forEach(v -> out.add(k, v)));
        return new InvokeResponse(response.status(), out.build().forwardable(), response.body(),
                response.header("content-type").orElse(""));
    }

    private MiddlewareResponse send(MiddlewareRequest call) {
        HttpRequest http = ArmeriaMessages.request(call, null);
        if (appApiToken.isPresent()) {
            http = http.withHeaders(http.headers().toBuilder().set("dapr-api-token", appApiToken.get()).build());
        }
        HttpRequest toApp = http;
        long start = System.nanoTime();
        MiddlewareResponse response = ArmeriaMessages.response(limit.call(() -> client.execute(toApp).aggregate().join()));
        metrics.httpClient(call.method(), response.status(), call.body().length, response.body().length,
                System.nanoTime() - start);
        return response;
    }

    @Override
    public boolean reachable() {
        return PortProbe.open(host, port);
    }

    @Override
    public void close() {}
}

package io.daprj.runtime.invoke;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The app channel to an HTTP app: the call goes to {@code http://<address>:<port>/<method>?<query>}. */
public final class HttpAppChannel implements AppChannel {

    private final String host;
    private final int port;
    private final WebClient client;
    private final ConcurrencyLimit limit;
    private final Optional<String> appApiToken;

    /** @param appApiToken {@code APP_API_TOKEN}, sent to the app as {@code dapr-api-token} */
    public HttpAppChannel(String host, int port, int maxConcurrency, long maxBodyBytes, Optional<String> appApiToken) {
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
        String path = "/" + request.method() + (request.query().isEmpty() ? "" : "?" + request.query());
        RequestHeadersBuilder headers = RequestHeaders.builder(HttpMethod.valueOf(request.verb().toUpperCase(Locale.ROOT)), path);
        request.headers().forEach(headers::add);
        appApiToken.ifPresent(t -> headers.set("dapr-api-token", t));
        HttpRequest http = request.contentType().isEmpty()
                ? HttpRequest.of(headers.build(), com.linecorp.armeria.common.HttpData.wrap(request.body()))
                : HttpRequest.of(headers.contentType(MediaType.parse(request.contentType())).build(),
                        com.linecorp.armeria.common.HttpData.wrap(request.body()));
        AggregatedHttpResponse response = limit.call(() -> client.execute(http).aggregate().join());
        Headers.Builder out = Headers.builder();
        response.headers().forEach((k, v) -> {
            if (!k.toString().startsWith(":")) {
                out.add(k.toString(), v);
            }
        });
        MediaType type = response.contentType();
        return new InvokeResponse(response.status().code(), out.build().forwardable(), response.content().array(),
                type == null ? "" : type.toString());
    }

    @Override
    public boolean reachable() {
        return PortProbe.open(host, port);
    }

    @Override
    public void close() {}
}

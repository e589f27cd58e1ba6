package io.daprj.components.core.middleware;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.middleware.HttpMiddleware;
import io.daprj.spi.middleware.MiddlewareChain;
import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** {@code middleware.http.uppercase}: the request body, read as UTF-8 text, goes on in upper case. No metadata. */
public final class UppercaseMiddleware implements HttpMiddleware {

    @Override
    public void init(ComponentMetadata metadata) {}

    @Override
    public MiddlewareResponse handle(MiddlewareRequest request, MiddlewareChain next) throws Exception {
        String upper = new String(request.body(), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        return next.proceed(request.withBody(upper.getBytes(StandardCharsets.UTF_8)));
    }
}

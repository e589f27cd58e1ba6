package io.daprj.components.core.middleware;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.middleware.HttpMiddleware;
import io.daprj.spi.middleware.MiddlewareChain;
import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code middleware.http.routerchecker}: a request whose URI (path and query) has no match for the regular
 * expression {@code rule} is answered 400 {@code invalid router} in plain text, as Dapr's. The expression may match
 * anywhere in the URI, like Go's {@code MatchString}; anchor it with {@code ^...$} to check the whole URI.
 */
public final class RouterCheckerMiddleware implements HttpMiddleware {

    private Pattern rule;

    @Override
    public void init(ComponentMetadata metadata) {
        String expression = metadata.properties().getOrDefault("rule", "");
        try {
            rule = Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("failed to compile rule regexp: " + e.getMessage(), e);
        }
    }

    @Override
    public MiddlewareResponse handle(MiddlewareRequest request, MiddlewareChain next) throws Exception {
        if (!rule.matcher(request.requestUri()).find()) {
            return MiddlewareResponse.text(400, "invalid router");
        }
        return next.proceed(request);
    }
}

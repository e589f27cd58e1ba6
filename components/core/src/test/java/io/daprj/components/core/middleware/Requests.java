package io.daprj.components.core.middleware;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.middleware.HttpMiddleware;
import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Requests for middleware tests, and a terminal that records what reached it. */
final class Requests {

    private Requests() {}

    static MiddlewareRequest post(String path, String query, String body) {
        return new MiddlewareRequest("POST", path, query, Map.of(), body.getBytes(StandardCharsets.UTF_8), "10.0.0.1");
    }

    static <M extends HttpMiddleware> M init(M middleware, String type, Map<String, String> metadata) throws Exception {
        middleware.init(ComponentMetadata.of("mw", type, metadata));
        return middleware;
    }

    /** Runs {@code request} through {@code middleware}; {@code reached} gets what the rest of the chain saw. */
    static MiddlewareResponse run(HttpMiddleware middleware, MiddlewareRequest request,
            AtomicReference<MiddlewareRequest> reached) throws Exception {
        return middleware.handle(request, r -> {
            reached.set(r);
            return new MiddlewareResponse(200, Map.of("x-next", List.of("yes")), "from next".getBytes(StandardCharsets.UTF_8));
        });
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}

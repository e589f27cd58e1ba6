package io.daprj.runtime.http;

import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.invoke.Headers;
import io.daprj.runtime.invoke.InvokeApi;
import io.daprj.runtime.invoke.InvokeRequest;
import io.daprj.runtime.invoke.InvokeResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1.0/invoke/{appId}/method/{method...}} with any verb, and every unmatched path that names its target with
 * the {@code dapr-app-id} header (or HTTP Basic user {@code dapr-app-id}), as daprd's router fallback does.
 */
final class InvokeHttpRoutes {

    private static final Set<String> ANY = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    private final InvokeApi invoke;

    InvokeHttpRoutes(InvokeApi invoke) {
        this.invoke = invoke;
    }

    void register(ApiRouter router) {
        router.add(ANY, "/v1.0/invoke/{appId}/method/{method*}", r -> call(r.param("appId"), r.param("method"), r))
                .fallback(this::byHeader);
    }

    private ApiResponse byHeader(ApiRequest req) {
        String appId = req.headers().get("dapr-app-id");
        if (appId == null || appId.isBlank()) {
            appId = basicAuthAppId(req.headers().get("authorization"));
        }
        if (appId == null || appId.isBlank()) {
            throw DaprError.ERR_DIRECT_INVOKE.with(
                    "failed getting app id either from the URL path or the header dapr-app-id", 404, io.grpc.Status.Code.NOT_FOUND);
        }
        String path = ApiRouter.clean(req.rawPath());
        return call(appId.trim(), path.startsWith("/") ? path.substring(1) : path, req);
    }

    private ApiResponse call(String appId, String method, ApiRequest req) {
        Headers.Builder headers = Headers.builder();
        req.headers().forEach((k, v) -> headers.add(k.toString(), v));
        InvokeResponse response = invoke.invoke(appId, new InvokeRequest(
                method, req.method(), req.rawQuery(), headers.build().forwardable(), req.body(), req.contentType()));
        List<Map.Entry<String, String>> out = new ArrayList<>();
        response.headers().forEach((k, v) -> out.add(Map.entry(k, v)));
        return ApiResponse.of(response.status(), response.body(), response.contentType(), out);
    }

    private static String basicAuthAppId(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            return decoded.startsWith("dapr-app-id:") ? decoded.substring("dapr-app-id:".length()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

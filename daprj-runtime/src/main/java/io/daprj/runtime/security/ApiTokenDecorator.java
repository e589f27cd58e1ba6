package io.daprj.runtime.security;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * With {@code DAPR_API_TOKEN} set, every API call must carry the header (or gRPC metadata) {@code dapr-api-token}
 * with that value: HTTP answers 401 {@code invalid api token} in plain text, gRPC UNAUTHENTICATED. The health
 * endpoints stay open, as in daprd. The header is removed before the call goes on, so it never reaches an app.
 */
public final class ApiTokenDecorator implements DecoratingHttpServiceFunction {

    public static final String HEADER = "dapr-api-token";
    private static final Set<String> OPEN_PATHS = Set.of("/v1.0/healthz", "/v1.0/healthz/outbound");

    private final byte[] token;
    private final boolean grpc;

    private ApiTokenDecorator(String token, boolean grpc) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.grpc = grpc;
    }

    /** For the HTTP API. */
    public static ApiTokenDecorator http(String token) {
        return new ApiTokenDecorator(token, false);
    }

    /** For the gRPC API. */
    public static ApiTokenDecorator grpc(String token) {
        return new ApiTokenDecorator(token, true);
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        if (!grpc && OPEN_PATHS.contains(ctx.path())) {
            return delegate.serve(ctx, req);
        }
        String given = req.headers().get(HEADER);
        // constant-time comparison, so the token cannot be guessed from response times
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            return grpc ? unauthenticated() : HttpResponse.of(HttpStatus.UNAUTHORIZED, MediaType.PLAIN_TEXT_UTF_8, "invalid api token");
        }
        return delegate.serve(ctx, req.withHeaders(req.headers().toBuilder().removeAndThen(HEADER).build()));
    }

    private static HttpResponse unauthenticated() {
        return HttpResponse.of(ResponseHeaders.builder(HttpStatus.OK)
                .contentType(MediaType.parse("application/grpc"))
                .add("grpc-status", Integer.toString(Status.Code.UNAUTHENTICATED.value()))
                .add("grpc-message", "authentication error: api token mismatch")
                .build());
    }
}

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

/**
 * Applies the API allow and deny lists to the gRPC API: a method they leave out answers PERMISSION_DENIED
 * ("access to method … is not allowed"), as daprd's interceptor does. (The HTTP API leaves such routes out of its
 * router instead, so they answer as unknown routes do.)
 */
public final class ApiAccessDecorator implements DecoratingHttpServiceFunction {

    private final ApiAccess access;

    public ApiAccessDecorator(ApiAccess access) {
        this.access = access;
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        if (access.grpcAllowed(ctx.path())) {
            return delegate.serve(ctx, req);
        }
        return HttpResponse.of(ResponseHeaders.builder(HttpStatus.OK)
                .contentType(MediaType.parse("application/grpc"))
                .add("grpc-status", Integer.toString(Status.Code.PERMISSION_DENIED.value()))
                .add("grpc-message", "access to method " + ctx.path().substring(1) + " is not allowed")
                .build());
    }
}

package io.daprj.runtime.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import io.daprj.runtime.errors.ErrorResponses;

/**
 * Armeria's own error pages (a body over {@code --max-body-size} refused before any route runs) in Dapr's JSON
 * shape: daprd fails reading such a body and answers 400 ERR_MALFORMED_REQUEST.
 */
final class HttpErrorRenderer implements ServerErrorHandler {

    private final String appId;
    private final long maxBodyBytes;

    HttpErrorRenderer(String appId, long maxBodyBytes) {
        this.appId = appId;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
        return null;
    }

    @Override
    public AggregatedHttpResponse renderStatus(ServiceRequestContext ctx, ServiceConfig config, RequestHeaders headers,
            HttpStatus status, String description, Throwable cause) {
        if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            return null;
        }
        DaprException e = tooLarge(maxBodyBytes);
        return AggregatedHttpResponse.of(HttpStatus.valueOf(e.httpStatus()), MediaType.JSON, ErrorResponses.httpBody(e, appId));
    }

    static DaprException tooLarge(long maxBodyBytes) {
        return DaprError.ERR_MALFORMED_REQUEST.with("failed reading the request body: request body too large (over --max-body-size, "
                + maxBodyBytes + " bytes)");
    }
}

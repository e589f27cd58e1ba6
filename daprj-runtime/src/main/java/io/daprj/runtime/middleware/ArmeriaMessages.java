package io.daprj.runtime.middleware;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts between Armeria's buffered messages and the JDK-only ones middlewares see. */
public final class ArmeriaMessages {

    private ArmeriaMessages() {}

    /** The request a middleware sees; {@code remoteAddress} is the client IP, or empty. */
    public static MiddlewareRequest request(AggregatedHttpRequest request, String remoteAddress) {
        String target = request.path();
        int q = target.indexOf('?');
        return new MiddlewareRequest(request.method().name(), q < 0 ? target : target.substring(0, q),
                q < 0 ? "" : target.substring(q + 1), headers(request.headers()), request.content().array(), remoteAddress);
    }

    /** The Armeria request to send on, {@code content-length} set from the body. */
    public static HttpRequest request(MiddlewareRequest request, String authority) {
        RequestHeadersBuilder headers = RequestHeaders.builder(
                HttpMethod.valueOf(request.method().toUpperCase(Locale.ROOT)), request.requestUri());
        copy(request.headers(), headers);
        if (authority != null && !authority.isEmpty()) {
            headers.authority(authority);
        }
        if (request.body().length > 0) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
        }
        return HttpRequest.of(headers.build(), HttpData.wrap(request.body()));
    }

    public static MiddlewareResponse response(AggregatedHttpResponse response) {
        return new MiddlewareResponse(response.status().code(), headers(response.headers()), response.content().array());
    }

    public static HttpResponse response(MiddlewareResponse response) {
        ResponseHeadersBuilder headers = ResponseHeaders.builder(response.status());
        copy(response.headers(), headers);
        return HttpResponse.of(headers.build(), HttpData.wrap(response.body()));
    }

    /** The headers without pseudo-headers; names lower case, values in order. */
    public static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!name.toString().startsWith(":")) {
                out.computeIfAbsent(name.toString(), n -> new ArrayList<>()).add(value);
            }
        });
        return out;
    }

    private static void copy(Map<String, List<String>> from, com.linecorp.armeria.common.HttpHeadersBuilder to) {
        from.forEach((name, values) -> {
            // the length follows the (possibly changed) body; host travels as the authority
            if (!name.equals("content-length") && !name.equals("host")) {
                to.add(name, values);
            }
        });
    }
}

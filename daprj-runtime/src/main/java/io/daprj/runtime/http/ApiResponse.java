package io.daprj.runtime.http;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a route answers; turned into an Armeria response by the dispatcher. */
public record ApiResponse(int status, List<Map.Entry<String, String>> headers, byte[] body, String contentType) {

    private static final byte[] EMPTY = new byte[0];

    public static ApiResponse noContent() {
        return new ApiResponse(204, List.of(), EMPTY, "");
    }

    public static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, List.of(), body, "application/json");
    }

    public static ApiResponse of(int status, byte[] body, String contentType, List<Map.Entry<String, String>> headers) {
        return new ApiResponse(status, headers, body, contentType);
    }

    HttpResponse toHttp() {
        ResponseHeadersBuilder h = ResponseHeaders.builder(HttpStatus.valueOf(status));
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        for (Map.Entry<String, String> e : copy) {
            h.add(e.getKey(), e.getValue());
        }
        if (status == 204 || status == 304) {
            return HttpResponse.of(h.build());
        }
        if (!contentType.isEmpty()) {
            h.contentType(MediaType.parse(contentType));
        }
        return HttpResponse.of(h.build(), HttpData.wrap(body));
    }
}

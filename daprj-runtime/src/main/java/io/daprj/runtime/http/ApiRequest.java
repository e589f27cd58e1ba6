package io.daprj.runtime.http;

import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.RequestHeaders;
import java.util.HashMap;
import java.util.Map;

/**
 * One aggregated HTTP request with its route parameters.
 *
 * @param rawPath the request path as received, still percent-encoded
 * @param rawQuery the query string without {@code ?}, or empty
 */
public record ApiRequest(
        String method, String rawPath, String rawQuery, Map<String, String> params, RequestHeaders headers, byte[] body) {

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    public QueryParams query() {
        return QueryParams.fromQueryString(rawQuery);
    }

    /** Dapr's {@code metadata.<key>=<value>} query parameters, first value of each. */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new HashMap<>();
        query().forEach((k, v) -> {
            if (k.startsWith("metadata.") && k.length() > "metadata.".length()) {
                metadata.putIfAbsent(k.substring("metadata.".length()), v);
            }
        });
        return metadata;
    }

    public String contentType() {
        var type = headers.contentType();
        return type == null ? "" : type.toString();
    }
}

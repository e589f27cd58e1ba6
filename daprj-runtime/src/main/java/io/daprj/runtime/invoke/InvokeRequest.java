package io.daprj.runtime.invoke;

import static java.util.Objects.requireNonNull;

/**
 * One invocation as the app will receive it.
 *
 * @param method the path after {@code /method/}, without a leading slash
 * @param verb the HTTP verb (POST when the caller gave none)
 * @param query the raw query string without {@code ?}, or empty
 * @param headers the headers to pass on (hop-by-hop and Dapr control headers already removed)
 */
public record InvokeRequest(String method, String verb, String query, Headers headers, byte[] body, String contentType) {

    public InvokeRequest {
        requireNonNull(method, "method");
        requireNonNull(verb, "verb");
        requireNonNull(query, "query");
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
        requireNonNull(contentType, "contentType");
    }

    public InvokeRequest withHeaders(Headers newHeaders) {
        return new InvokeRequest(method, verb, query, newHeaders, body, contentType);
    }
}

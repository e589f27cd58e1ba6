package io.daprj.spi.middleware;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A buffered HTTP request as a middleware sees it. Immutable; the {@code with*} methods return changed copies.
 *
 * @param method the HTTP method, upper case
 * @param path the raw (still percent-encoded) path, starting with {@code /}
 * @param query the raw query string without {@code ?}, or empty
 * @param headers the headers by lower-case name, without HTTP/2 pseudo-headers
 * @param body the body, empty when there is none
 * @param remoteAddress the IP address of the client that sent the request, or empty when unknown
 */
public record MiddlewareRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
        String remoteAddress) {

    public MiddlewareRequest {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(query, "query");
        headers = HttpHeaderMap.copy(requireNonNull(headers, "headers"));
        requireNonNull(body, "body");
        requireNonNull(remoteAddress, "remoteAddress");
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        return HttpHeaderMap.first(headers, name);
    }

    /** The path and, when there is one, {@code ?} and the query: Go's {@code RequestURI}. */
    public String requestUri() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    public MiddlewareRequest withPath(String newPath, String newQuery) {
        return new MiddlewareRequest(method, newPath, newQuery, headers, body, remoteAddress);
    }

    /** A copy whose header {@code name} has {@code value} as its only value. */
    public MiddlewareRequest withHeader(String name, String value) {
        return new MiddlewareRequest(method, path, query, HttpHeaderMap.with(headers, name, value), body, remoteAddress);
    }

    /** A copy with another body; the runtime sets {@code content-length} from it. */
    public MiddlewareRequest withBody(byte[] newBody) {
        return new MiddlewareRequest(method, path, query, headers, newBody, remoteAddress);
    }
}

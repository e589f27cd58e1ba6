package io.daprj.spi.middleware;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A buffered HTTP response, from the rest of the chain or made by a middleware. Immutable.
 *
 * @param status the HTTP status code
 * @param headers the headers by lower-case name
 * @param body the body, empty when there is none
 */
public record MiddlewareResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public MiddlewareResponse {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status: " + status + " (expected: 100-999)");
        }
        headers = HttpHeaderMap.copy(requireNonNull(headers, "headers"));
        requireNonNull(body, "body");
    }

    /** A plain-text answer, as Go's {@code http.Error}-style helpers write it ({@code text/plain; charset=utf-8}). */
    public static MiddlewareResponse text(int status, String text) {
        return new MiddlewareResponse(status, Map.of("content-type", List.of("text/plain; charset=utf-8")),
                text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        return HttpHeaderMap.first(headers, name);
    }

    /** A copy whose header {@code name} has {@code value} as its only value. */
    public MiddlewareResponse withHeader(String name, String value) {
        return new MiddlewareResponse(status, HttpHeaderMap.with(headers, name, value), body);
    }
}

package io.daprj.spi.state;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * Delete {@code key}. Deleting a missing key without an ETag succeeds; with an ETag it throws
 * {@link ETagMismatchException}, as does an ETag that differs from the stored one.
 */
public record DeleteRequest(String key, Optional<String> etag, Map<String, String> metadata, StateOptions options)
        implements StateOperation {

    public DeleteRequest {
        requireNonNull(key, "key");
        requireNonNull(etag, "etag");
        metadata = Map.copyOf(requireNonNull(metadata, "metadata"));
        requireNonNull(options, "options");
    }

    public static DeleteRequest of(String key) {
        return new DeleteRequest(key, Optional.empty(), Map.of(), StateOptions.DEFAULT);
    }
}

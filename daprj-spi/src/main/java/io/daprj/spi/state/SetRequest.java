package io.daprj.spi.state;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * Save {@code value} under {@code key}.
 *
 * <p>With an ETag the write succeeds only if the stored ETag equals it; under first-write without an ETag it succeeds
 * only if the key does not exist. Otherwise the store throws {@link ETagMismatchException}.
 *
 * @param value the bytes to store, exactly as given (Dapr's JSON serialisation of the value)
 * @param contentType the content type the caller gave, if any
 */
public record SetRequest(
        String key,
        byte[] value,
        Optional<String> etag,
        Map<String, String> metadata,
        StateOptions options,
        Optional<String> contentType)
        implements StateOperation {

    public SetRequest {
        requireNonNull(key, "key");
        requireNonNull(value, "value");
        requireNonNull(etag, "etag");
        metadata = Map.copyOf(requireNonNull(metadata, "metadata"));
        requireNonNull(options, "options");
        requireNonNull(contentType, "contentType");
    }

    /** A last-write save with no ETag and no metadata. */
    public static SetRequest of(String key, byte[] value) {
        return new SetRequest(key, value, Optional.empty(), Map.of(), StateOptions.DEFAULT, Optional.empty());
    }
}

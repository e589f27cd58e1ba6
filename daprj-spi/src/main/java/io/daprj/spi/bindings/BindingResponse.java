package io.daprj.spi.bindings;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * What an output binding returns.
 *
 * @param data the response payload (may be empty)
 * @param metadata returned to the app as {@code metadata.<key>} headers
 * @param contentType the payload's type, when the component knows it
 */
public record BindingResponse(byte[] data, Map<String, String> metadata, Optional<String> contentType) {

    public BindingResponse {
        requireNonNull(data, "data");
        metadata = Map.copyOf(requireNonNull(metadata, "metadata"));
        requireNonNull(contentType, "contentType");
    }

    public static BindingResponse of(byte[] data) {
        return new BindingResponse(data, Map.of(), Optional.empty());
    }

    public static BindingResponse of(byte[] data, Map<String, String> metadata) {
        return new BindingResponse(data, metadata, Optional.empty());
    }
}

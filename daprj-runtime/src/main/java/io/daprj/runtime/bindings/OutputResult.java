package io.daprj.runtime.bindings;

import io.daprj.runtime.errors.DaprException;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of an output binding call as both doors report it: the response metadata (sent as
 * {@code metadata.<key>} headers even on failure, as daprd does), the data (empty means 204), or the failure.
 */
public record OutputResult(Optional<byte[]> data, Map<String, String> metadata, Optional<DaprException> failure) {

    public OutputResult {
        metadata = Map.copyOf(metadata);
    }
}

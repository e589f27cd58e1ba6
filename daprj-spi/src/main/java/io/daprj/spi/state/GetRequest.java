package io.daprj.spi.state;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** Read {@code key}. */
public record GetRequest(String key, Map<String, String> metadata, Consistency consistency) {

    public GetRequest {
        requireNonNull(key, "key");
        metadata = Map.copyOf(requireNonNull(metadata, "metadata"));
        requireNonNull(consistency, "consistency");
    }

    public static GetRequest of(String key) {
        return new GetRequest(key, Map.of(), Consistency.EVENTUAL);
    }
}

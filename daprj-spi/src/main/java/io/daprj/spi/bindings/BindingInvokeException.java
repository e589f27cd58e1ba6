package io.daprj.spi.bindings;

import java.util.Map;

/**
 * The outside system refused an output binding call. {@link #metadata()} reaches the app all the same, as Dapr
 * returns response metadata even on failure (the HTTP binding's {@code statusCode}, for instance).
 */
public class BindingInvokeException extends RuntimeException {

    private final Map<String, String> metadata;

    public BindingInvokeException(String message, Map<String, String> metadata) {
        super(message);
        this.metadata = Map.copyOf(metadata);
    }

    public BindingInvokeException(String message, Throwable cause) {
        super(message, cause);
        this.metadata = Map.of();
    }

    public Map<String, String> metadata() {
        return metadata;
    }
}

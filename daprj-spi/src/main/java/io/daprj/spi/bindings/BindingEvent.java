package io.daprj.spi.bindings;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One event read by an input binding.
 *
 * @param data the payload exactly as read (may be empty, as for cron)
 * @param metadata passed to the app as HTTP headers or gRPC {@code BindingEventRequest.metadata}
 */
public record BindingEvent(byte[] data, Map<String, String> metadata) {

    public BindingEvent {
        requireNonNull(data, "data");
        metadata = Map.copyOf(requireNonNull(metadata, "metadata"));
    }
}

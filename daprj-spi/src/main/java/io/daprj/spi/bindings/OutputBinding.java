package io.daprj.spi.bindings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends to an outside system: {@code create}, {@code get}, {@code delete}, {@code list} or an operation of the
 * component's own. Thread safe after {@code init}; calls block.
 *
 * <p>Failure: {@link BindingInvokeException} when the system refused the call (it may carry response metadata the
 * app still sees, such as an HTTP status); any other exception means the component failed. The runtime checks the
 * operation against {@link #operations()} before calling {@link #invoke}.
 */
public interface OutputBinding extends Binding {

    /** The operations {@link #invoke} accepts, in the order they are listed to a caller who asked for another. */
    List<String> operations();

    /**
     * Performs one operation.
     *
     * @param data the request payload as the runtime received it (for the HTTP API, the JSON encoding of {@code data})
     * @param metadata the request metadata; component-specific keys such as {@code fileName} or {@code path}
     * @return the response, or empty when the operation returns nothing (the HTTP API then answers 204)
     */
    Optional<BindingResponse> invoke(String operation, byte[] data, Map<String, String> metadata);
}

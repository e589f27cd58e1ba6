package io.daprj.runtime.bindings;

import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.components.LoadedComponent;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import io.daprj.runtime.resiliency.Resiliency.ComponentKind;
import io.daprj.spi.bindings.Binding;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.OutputBinding;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output bindings for the app ({@code POST /v1.0/bindings/{name}}, gRPC {@code InvokeBinding}). Every failure is
 * daprd's 500 {@code ERR_INVOKE_OUTPUT_BINDING} with message {@code error invoking output binding <name>: <cause>},
 * including an unknown binding and an operation the binding does not list.
 */
public final class BindingsApi {

    private static final Logger log = LoggerFactory.getLogger(BindingsApi.class);

    private final ComponentStore components;

    public BindingsApi(ComponentStore components) {
        this.components = components;
    }

    /** Invokes {@code operation} on binding {@code name}; never throws for a component failure, see {@link OutputResult}. */
    public OutputResult invoke(String name, String operation, byte[] data, Map<String, String> metadata) {
        Optional<OutputBinding> binding = output(name);
        if (operation == null || operation.isEmpty()) {
            return failed(name, "operation field is missing from request", Map.of());
        }
        if (binding.isEmpty()) {
            return failed(name, "couldn't find output binding " + name, Map.of());
        }
        List<String> ops = binding.get().operations();
        if (!ops.contains(operation)) {
            return failed(name, "binding " + name + " does not support operation " + operation
                    + ". supported operations:" + String.join(" ", ops), Map.of());
        }
        try {
            Optional<BindingResponse> response = components.outbound(name, ComponentKind.BINDING, operation,
                    () -> binding.get().invoke(operation, data, metadata));
            return new OutputResult(response.map(BindingResponse::data),
                    response.map(BindingResponse::metadata).orElse(Map.of()), Optional.empty());
        } catch (BindingInvokeException e) {
            return failed(name, e.getMessage(), e.metadata());
        } catch (RuntimeException e) {
            log.debug("output binding {} failed", name, e);
            return failed(name, String.valueOf(e.getMessage()), Map.of());
        }
    }

    /** The output binding of that name; components whose {@code direction} metadata leaves output out are not. */
    public Optional<OutputBinding> output(String name) {
        return components.get(Binding.class, name)
                .filter(c -> c.instance() instanceof OutputBinding && hasDirection(c, "output"))
                .map(c -> (OutputBinding) c.instance());
    }

    /** Dapr's {@code direction} metadata: absent means both; otherwise a comma-separated list. */
    static boolean hasDirection(LoadedComponent<?> component, String direction) {
        return directions(component).map(list -> list.contains(direction)).orElse(true);
    }

    /** True when {@code direction} names it explicitly, which skips the app's OPTIONS probe for input. */
    static boolean explicitDirection(LoadedComponent<?> component, String direction) {
        return directions(component).map(list -> list.contains(direction)).orElse(false);
    }

    private static Optional<List<String>> directions(LoadedComponent<?> component) {
        return component.spec().metadata().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("direction"))
                .findFirst()
                .map(e -> List.of(e.getValue().toLowerCase(Locale.ROOT).split(",")).stream().map(String::trim).toList());
    }

    private static OutputResult failed(String name, String cause, Map<String, String> metadata) {
        DaprException error = DaprError.ERR_INVOKE_OUTPUT_BINDING.with("error invoking output binding " + name + ": " + cause);
        return new OutputResult(Optional.empty(), metadata, Optional.of(error));
    }
}

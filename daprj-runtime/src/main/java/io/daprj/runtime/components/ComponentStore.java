package io.daprj.runtime.components;

import io.daprj.runtime.metrics.DaprMetrics;
import io.daprj.runtime.resiliency.Failure;
import io.daprj.runtime.resiliency.Resiliency;
import io.daprj.spi.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Live components by kind and name. Thread safe; reads are lock-free. */
public final class ComponentStore implements AutoCloseable {

    private final Map<Class<?>, Map<String, LoadedComponent<?>>> byKind = new ConcurrentHashMap<>();
    private volatile Resiliency resiliency = Resiliency.NONE;
    private volatile DaprMetrics metrics = DaprMetrics.disabled();

    /** Where component calls are counted (nowhere until set). */
    public void metrics(DaprMetrics recorder) {
        this.metrics = recorder;
    }

    public DaprMetrics metrics() {
        return metrics;
    }

    /**
     * Like {@link #outbound(String, Resiliency.ComponentKind, Supplier)}, each attempt counted in daprd's component
     * metrics: {@code operation} is daprd's operation name, or the topic for a publish.
     */
    public <T> T outbound(String name, Resiliency.ComponentKind kind, String operation, Supplier<T> call) {
        String family = switch (kind) {
            case SECRETSTORE -> "secret";
            case BINDING -> "output_binding";
            case CONFIGURATION -> "configuration";
            case PUBSUB -> "pubsub_egress";
            case CRYPTO -> "crypto";
            case STATESTORE -> "state";
            case LOCK -> null;
        };
        if (family == null) {
            return outbound(name, kind, call);
        }
        String label = kind == Resiliency.ComponentKind.PUBSUB ? "topic" : "operation";
        return outbound(name, kind, () -> metrics.componentCall(family, name, label, operation, call));
    }

    /** The resiliency policies component calls go through (none until set). */
    public void resiliency(Resiliency policies) {
        this.resiliency = policies;
    }

    public Resiliency resiliency() {
        return resiliency;
    }

    /**
     * Runs one call from the sidecar to component {@code name} under its outbound resiliency policy: the one
     * component-call pipeline every building block goes through.
     */
    public <T> T outbound(String name, Resiliency.ComponentKind kind, Supplier<T> call) {
        return resiliency.component(name, kind, Resiliency.Direction.OUTBOUND).call(call, Failure::ofComponentError);
    }

    /** {@link #outbound(String, Resiliency.ComponentKind, Supplier)} for a call without a result. */
    public void outbound(String name, Resiliency.ComponentKind kind, Runnable call) {
        outbound(name, kind, () -> {
            call.run();
            return null;
        });
    }

    public <T extends Component> void add(Class<T> kind, LoadedComponent<? extends T> component) {
        byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).put(component.spec().name(), component);
    }

    @SuppressWarnings("unchecked")
    public <T extends Component> Optional<LoadedComponent<T>> get(Class<T> kind, String name) {
        return Optional.ofNullable((LoadedComponent<T>) byKind.getOrDefault(kind, Map.of()).get(name));
    }

    @SuppressWarnings("unchecked")
    public <T extends Component> List<LoadedComponent<T>> all(Class<T> kind) {
        List<LoadedComponent<T>> list = new ArrayList<>();
        byKind.getOrDefault(kind, Map.of()).values().forEach(c -> list.add((LoadedComponent<T>) c));
        list.sort((a, b) -> a.spec().name().compareTo(b.spec().name()));
        return list;
    }

    /** Every component of every kind, by name. */
    public List<LoadedComponent<?>> all() {
        Map<String, LoadedComponent<?>> sorted = new LinkedHashMap<>();
        byKind.values().forEach(m -> m.forEach(sorted::put));
        return sorted.values().stream().sorted((a, b) -> a.spec().name().compareTo(b.spec().name())).toList();
    }

    @Override
    public void close() {
        for (LoadedComponent<?> component : all()) {
            try {
                component.instance().close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ComponentStore.class)
                        .warn("closing {} failed: {}", component.spec().describe(), e.toString());
            }
        }
        byKind.clear();
    }
}

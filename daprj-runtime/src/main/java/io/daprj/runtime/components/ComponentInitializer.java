package io.daprj.runtime.components;

import io.daprj.runtime.metrics.DaprMetrics;
import io.daprj.runtime.resources.ComponentSpec;
import io.daprj.spi.Component;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.ComponentProvider;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and initialises components from their specs: secret stores first, then the others, whose
 * {@code secretKeyRef} metadata is read from the store named in {@code auth.secretStore}. A failure names the file,
 * the component and the cause; it stops the sidecar unless the component says {@code ignoreErrors: true}, as in
 * daprd — except a secret that cannot be resolved, which only keeps that one component from loading.
 */
public final class ComponentInitializer {

    private static final Logger log = LoggerFactory.getLogger(ComponentInitializer.class);

    private final ComponentRegistry registry;
    private final String appId;
    private final String namespace;
    private final DaprMetrics metrics;

    public ComponentInitializer(ComponentRegistry registry, String appId, String namespace) {
        this(registry, appId, namespace, DaprMetrics.disabled());
    }

    /** Like the other constructor, counting loaded and failed components in {@code metrics}. */
    public ComponentInitializer(ComponentRegistry registry, String appId, String namespace, DaprMetrics metrics) {
        this.metrics = metrics;
        this.registry = registry;
        this.appId = appId;
        this.namespace = namespace;
    }

    /** Initialises every spec that applies to this app into {@code store}; returns the failures that were ignored. */
    public List<String> initAll(List<ComponentSpec> specs, ComponentStore store) {
        List<String> ignored = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<ComponentSpec> ordered = new ArrayList<>(specs);
        // secret stores load first so that the other components can resolve their secretKeyRefs
        ordered.sort(java.util.Comparator.comparing(s -> !s.category().equals("secretstores")));
        for (ComponentSpec spec : ordered) {
            if (!spec.appliesTo(appId)) {
                log.debug("skipping {}: not in its scopes", spec.describe());
                continue;
            }
            if (seen.contains(spec.name())) {
                throw new ComponentInitException(spec.describe() + ": another component already has the name '"
                        + spec.name() + "'");
            }
            seen.add(spec.name());
            try {
                init(SecretRefs.resolve(spec, store), store);
            } catch (SecretRefs.UnresolvedSecretException e) {
                log.error("{} (the sidecar goes on without it)", e.getMessage());
                ignored.add(e.getMessage());
            } catch (ComponentInitException e) {
                if (!spec.ignoreErrors()) {
                    throw e;
                }
                log.warn("{} (ignored: ignoreErrors is true)", e.getMessage());
                ignored.add(e.getMessage());
            }
        }
        return ignored;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public void init(ComponentSpec spec, ComponentStore store) {
        ComponentProvider provider = registry.find(spec.type()).orElseThrow(() -> {
            metrics.componentInitFailed(spec.type(), "creation", spec.name());
            return new ComponentInitException("failed to init " + spec.describe() + ": unknown component type '"
                    + spec.type() + "' (known: " + String.join(", ", registry.types()) + ")");
        });
        if (!provider.versions().contains(spec.version())) {
            metrics.componentInitFailed(spec.type(), "creation", spec.name());
            throw new ComponentInitException("failed to init " + spec.describe() + ": version '" + spec.version()
                    + "' is not supported (expected: " + String.join(", ", (List<String>) provider.versions()) + ")");
        }
        Component component = provider.create();
        try {
            component.init(new ComponentMetadata(spec.name(), spec.type(), spec.version(), spec.metadata(), appId, namespace));
        } catch (Exception e) {
            metrics.componentInitFailed(spec.type(), "init", spec.name());
            component.close();
            throw new ComponentInitException("failed to init " + spec.describe() + ": " + e.getMessage(), e);
        }
        store.add(provider.kind(), new LoadedComponent<>(spec, component));
        metrics.componentInitialized(spec.type());
        log.info("component loaded: {} ({}/{})", spec.name(), spec.type(), spec.version());
    }
}

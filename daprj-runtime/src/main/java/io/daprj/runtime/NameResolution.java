package io.daprj.runtime;

import io.daprj.runtime.components.ComponentInitException;
import io.daprj.runtime.components.ComponentRegistry;
import io.daprj.runtime.resources.ConfigurationSpec;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.ComponentProvider;
import io.daprj.spi.nameresolution.NameResolver;
import java.util.Optional;

/** Creates the name resolver named by the Configuration ({@code nameresolution.<component>}), sqlite by default. */
final class NameResolution {

    private NameResolution() {}

    static Optional<NameResolver> create(ComponentRegistry registry, ConfigurationSpec config, String appId, String namespace) {
        String type = "nameresolution." + config.nameResolver();
        Optional<ComponentProvider<?>> provider = registry.find(type);
        if (provider.isEmpty()) {
            if (config == ConfigurationSpec.DEFAULT) {
                return Optional.empty();
            }
            throw new ComponentInitException("unknown name resolution component '" + config.nameResolver()
                    + "' (known: " + String.join(", ", registry.types().stream().filter(t -> t.startsWith("nameresolution.")).toList()) + ")");
        }
        if (!(provider.get().create() instanceof NameResolver resolver)) {
            throw new ComponentInitException(type + " is not a name resolver");
        }
        try {
            resolver.init(new ComponentMetadata(config.nameResolver(), type, "v1", config.nameResolverConfig(), appId, namespace));
        } catch (Exception e) {
            resolver.close();
            throw new ComponentInitException("failed to init name resolution " + type + ": " + e.getMessage(), e);
        }
        return Optional.of(resolver);
    }
}

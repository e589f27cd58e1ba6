package io.daprj.runtime.components;

import io.daprj.spi.ComponentProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every {@link ComponentProvider} on the class path, by type and alias (lower case). */
public final class ComponentRegistry {

    private final Map<String, ComponentProvider<?>> providers = new HashMap<>();

    public ComponentRegistry(Iterable<ComponentProvider<?>> found) {
        for (ComponentProvider<?> provider : found) {
            providers.putIfAbsent(key(provider.type()), provider);
            for (String alias : provider.aliases()) {
                providers.putIfAbsent(key(alias), provider);
            }
        }
    }

    /** The providers found by {@link ServiceLoader} in this class loader. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ComponentRegistry fromClassPath() {
        ServiceLoader<ComponentProvider> loader = ServiceLoader.load(ComponentProvider.class);
        List<ComponentProvider<?>> list = new java.util.ArrayList<>();
        loader.forEach(p -> list.add((ComponentProvider<?>) p));
        return new ComponentRegistry(list);
    }

    public Optional<ComponentProvider<?>> find(String type) {
        return Optional.ofNullable(providers.get(key(type)));
    }

    public List<String> types() {
        return providers.keySet().stream().sorted().toList();
    }

    private static String key(String type) {
        return type.toLowerCase(Locale.ROOT);
    }
}

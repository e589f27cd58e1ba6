package io.daprj.components.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.nameresolution.NameResolver;
import io.daprj.spi.state.StateStore;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module's providers are found by ServiceLoader under Dapr's type names and create the right kind. */
class ProvidersTest {

    @Test
    void serviceLoaderFindsEveryProviderOfThisModule() {
        Map<String, ComponentProvider<?>> byType = ServiceLoader.load(ComponentProvider.class).stream()
                .map(p -> (ComponentProvider<?>) p.get())
                .collect(Collectors.toMap(ComponentProvider::type, p -> p));
        assertThat(byType).containsKeys("state.in-memory", "state.sqlite", "nameresolution.sqlite");
        assertThat(byType.get("state.sqlite").aliases()).containsExactly("state.sqlite3");
        assertThat(byType.get("state.in-memory").kind()).isEqualTo(StateStore.class);
        assertThat(byType.get("nameresolution.sqlite").kind()).isEqualTo(NameResolver.class);
        byType.values().forEach(p -> assertThat(p.kind().isInstance(p.create())).as(p.type()).isTrue());
        byType.values().forEach(p -> assertThat(p.versions()).contains("v1"));
    }
}

package io.daprj.components.postgres.state;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.state.StateStore;
import java.util.List;

/**
 * {@code state.postgresql} (alias {@code state.postgres}): {@link PostgresStateStore}; {@code v1} and {@code v2} select
 * Dapr's two table layouts.
 */
public final class PostgresStateStoreProvider implements ComponentProvider<StateStore> {

    @Override
    public String type() {
        return "state.postgresql";
    }

    @Override
    public List<String> aliases() {
        return List.of("state.postgres");
    }

    @Override
    public List<String> versions() {
        return List.of("v1", "v2");
    }

    @Override
    public Class<StateStore> kind() {
        return StateStore.class;
    }

    @Override
    public StateStore create() {
        return new PostgresStateStore();
    }
}

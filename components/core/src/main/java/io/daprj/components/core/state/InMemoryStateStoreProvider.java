package io.daprj.components.core.state;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.state.StateStore;

/** {@code state.in-memory}: {@link InMemoryStateStore}. */
public final class InMemoryStateStoreProvider implements ComponentProvider<StateStore> {

    @Override
    public String type() {
        return "state.in-memory";
    }

    @Override
    public Class<StateStore> kind() {
        return StateStore.class;
    }

    @Override
    public StateStore create() {
        return new InMemoryStateStore();
    }
}

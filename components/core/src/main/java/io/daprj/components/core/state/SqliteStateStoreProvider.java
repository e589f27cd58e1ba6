package io.daprj.components.core.state;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.state.StateStore;
import java.util.List;

/** {@code state.sqlite} (alias {@code state.sqlite3}): {@link SqliteStateStore}. */
public final class SqliteStateStoreProvider implements ComponentProvider<StateStore> {

    @Override
    public String type() {
        return "state.sqlite";
    }

    @Override
    public List<String> aliases() {
        return List.of("state.sqlite3");
    }

    @Override
    public Class<StateStore> kind() {
        return StateStore.class;
    }

    @Override
    public StateStore create() {
        return new SqliteStateStore();
    }
}

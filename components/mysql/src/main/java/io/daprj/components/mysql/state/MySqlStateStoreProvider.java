package io.daprj.components.mysql.state;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.state.StateStore;

/** {@code state.mysql}: {@link MySqlStateStore}, on MySQL or MariaDB. */
public final class MySqlStateStoreProvider implements ComponentProvider<StateStore> {

    @Override
    public String type() {
        return "state.mysql";
    }

    @Override
    public Class<StateStore> kind() {
        return StateStore.class;
    }

    @Override
    public StateStore create() {
        return new MySqlStateStore();
    }
}

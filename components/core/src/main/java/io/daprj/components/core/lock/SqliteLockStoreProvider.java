package io.daprj.components.core.lock;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.lock.LockStore;

/** {@code lock.sqlite}: {@link SqliteLockStore}, the embedded default lock store (a daprj type, not in Dapr). */
public final class SqliteLockStoreProvider implements ComponentProvider<LockStore> {

    @Override
    public String type() {
        return "lock.sqlite";
    }

    @Override
    public Class<LockStore> kind() {
        return LockStore.class;
    }

    @Override
    public LockStore create() {
        return new SqliteLockStore();
    }
}
